-- tokenctl schema 3: the batches of token use a flush wrote, by id, so that a batch written again (its first
-- write committed, but the answer was lost with the connection) is not counted twice. Kept a day.
CREATE TABLE usage_batches (
    id         TEXT PRIMARY KEY,
    written_at BIGINT NOT NULL
);
CREATE INDEX usage_batches_written ON usage_batches (written_at);
