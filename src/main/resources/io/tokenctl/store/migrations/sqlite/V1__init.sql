-- tokenctl schema 1, SQLite's part: the audit log and the rules the schema itself enforces.
-- Promotion to an account token is one-way; retirement is final. The store itself refuses the reverse.
CREATE TRIGGER tokens_no_demote BEFORE UPDATE OF kind ON tokens
WHEN OLD.kind = 'account' AND NEW.kind <> 'account'
BEGIN
    SELECT RAISE(ABORT, 'an account token cannot be demoted');
END;
CREATE TRIGGER tokens_no_unretire BEFORE UPDATE OF status ON tokens
WHEN OLD.status = 'retired' AND NEW.status <> 'retired'
BEGIN
    SELECT RAISE(ABORT, 'a retired token cannot come back');
END;

CREATE TABLE audit (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    at             BIGINT NOT NULL,
    actor_token_id TEXT,
    actor_user     TEXT,
    org_id         TEXT,
    action         TEXT NOT NULL,
    target         TEXT,
    outcome        TEXT NOT NULL CHECK (outcome IN ('allowed', 'denied')),
    reason         TEXT
);
CREATE INDEX audit_org ON audit (org_id, seq);

CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN
    SELECT RAISE(ABORT, 'audit rows are append-only');
END;
