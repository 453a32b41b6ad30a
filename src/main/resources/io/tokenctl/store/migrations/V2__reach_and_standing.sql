-- tokenctl schema 2: what an org admin may do to a token that also reaches other orgs (issue 11).

-- Who deactivated a token, and whether from above its owner (an admin of every org it reaches who is
-- not its owner): such a deactivation holds until someone with that standing activates the token.
ALTER TABLE tokens ADD COLUMN deactivated_by TEXT;
ALTER TABLE tokens ADD COLUMN deactivated_above INTEGER NOT NULL DEFAULT 0;
-- who deactivated a token before this schema is not known: its deactivation is taken as from above
UPDATE tokens SET deactivated_above = 1, deactivated_by = 'someone, before tokenctl recorded who'
WHERE status = 'inactive';

-- Orgs cut out of an all-orgs token's reach by an admin of that org: the token follows its owner's
-- memberships except these. (A fixed scope simply loses the org from token_orgs.)
CREATE TABLE token_org_exclusions (
    token_id    TEXT NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    org_id      TEXT NOT NULL REFERENCES orgs (id),
    excluded_at BIGINT NOT NULL,
    excluded_by TEXT,
    PRIMARY KEY (token_id, org_id)
);
