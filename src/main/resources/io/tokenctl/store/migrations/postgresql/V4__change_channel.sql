-- tokenctl schema 4 (PostgreSQL): the change counter moves once per transaction, not once per changed row (a bulk
-- write was quadratic), and the notifications go on this store's own channel, "tokenctl_" and its random id, so
-- another tokenctl in another schema of the same database is never heard: its changes can't hide a lost one here.
-- Each changed token still gets its own "<counter> <token id>" (or "*" when a change reaches many tokens).
ALTER TABLE tokenctl_changes ADD COLUMN store_id TEXT NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text);
ALTER TABLE tokenctl_changes ALTER COLUMN store_id DROP DEFAULT;

CREATE OR REPLACE FUNCTION tokenctl_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n BIGINT;
    sid TEXT;
    what TEXT;
    tx TEXT := txid_current()::text;
BEGIN
    IF current_setting('tokenctl.changed_in', true) IS DISTINCT FROM tx THEN
        UPDATE tokenctl_changes SET counter = counter + 1 RETURNING counter, store_id INTO n, sid;
        PERFORM set_config('tokenctl.changed_in', tx, true);
        PERFORM set_config('tokenctl.counter', n::text, true);
        PERFORM set_config('tokenctl.store_id', sid, true);
    ELSE
        n := current_setting('tokenctl.counter')::bigint;
        sid := current_setting('tokenctl.store_id');
    END IF;
    IF TG_ARGV[0] = 'token' THEN
        what := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
    ELSIF TG_ARGV[0] = 'token_id' THEN
        what := CASE WHEN TG_OP = 'DELETE' THEN OLD.token_id ELSE NEW.token_id END;
    ELSE
        what := '*';
    END IF;
    PERFORM pg_notify('tokenctl_' || sid, n || ' ' || what);
    RETURN NULL;
END
$$;
