-- tokenctl schema 1. Times are epoch milliseconds (BIGINT); ids are 16 hex digits.
-- What SQLite and PostgreSQL agree on; each dialect's own part (sqlite/, postgresql/) follows it.
CREATE TABLE orgs (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

-- A deleted user keeps its row (its tokens and audit events point at it) under a deleted_at stamp;
-- its name is free again for a new user, who gets a new id and none of the old tokens.
CREATE TABLE users (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT
);
CREATE UNIQUE INDEX users_live_name ON users (name) WHERE deleted_at IS NULL;

CREATE TABLE memberships (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id  TEXT NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    role    TEXT NOT NULL CHECK (role IN ('admin', 'normal', 'read-only')),
    PRIMARY KEY (user_id, org_id)
);

CREATE TABLE tokens (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('user', 'account')),
    user_id        TEXT REFERENCES users (id),
    org_id         TEXT NOT NULL REFERENCES orgs (id),
    all_orgs       INTEGER NOT NULL DEFAULT 0,
    description    TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'retired')),
    retired_reason TEXT,
    permissions    TEXT NOT NULL,
    expires_at     BIGINT,
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    created_by     TEXT,
    format         TEXT NOT NULL DEFAULT 'opaque' CHECK (format IN ('opaque', 'jwt')),
    app_default    TEXT NOT NULL DEFAULT 'allow' CHECK (app_default IN ('allow', 'pending', 'deny')),
    allow_ips      TEXT,
    revoke_on_reuse INTEGER NOT NULL DEFAULT 0,
    verify_count   BIGINT NOT NULL DEFAULT 0,
    last_used_at   BIGINT,
    last_used_ip   TEXT,
    last_used_app  TEXT
);
CREATE INDEX tokens_org ON tokens (org_id, id);
CREATE INDEX tokens_user ON tokens (user_id, id);
CREATE INDEX tokens_expires ON tokens (expires_at);

-- The static org scope of a token (its home org included); unused when all_orgs = 1.
CREATE TABLE token_orgs (
    token_id TEXT NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    org_id   TEXT NOT NULL REFERENCES orgs (id),
    PRIMARY KEY (token_id, org_id)
);

-- Only SHA-256 hashes of secrets, never a secret. not_after NULL: the current secret;
-- set: a superseded secret that works until then (regenerate's grace) and is kept afterwards only so
-- that presenting it again can be recognised as a likely leak.
CREATE TABLE token_secrets (
    hash      TEXT PRIMARY KEY,
    token_id  TEXT NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    not_after BIGINT
);
CREATE INDEX token_secrets_token ON token_secrets (token_id);

-- Apps seen using a token (seed 000): the first use by a new app name records it with the token's
-- default state; an owner or admin approves or denies it.
CREATE TABLE token_apps (
    token_id   TEXT NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    app        TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('allow', 'pending', 'deny')),
    first_seen BIGINT NOT NULL,
    last_seen  BIGINT NOT NULL,
    PRIMARY KEY (token_id, app)
);

-- Ed25519 signing keys of an org for JWT tokens; the newest one signs, every one present verifies.
CREATE TABLE org_keys (
    kid         TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES orgs (id),
    private_key TEXT NOT NULL,
    public_key  TEXT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX org_keys_org ON org_keys (org_id, created_at);
