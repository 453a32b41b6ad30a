-- tokenctl schema 5: the latest expiry a token may ever be given, fixed when it is made: the expiry of the token
-- that made it (as a Vault child token can't outlive its parent). NULL: no bound. An update may shorten a token's
-- life freely, and lengthen it only up to this. Tokens made before this schema get their maker's expiry now.
ALTER TABLE tokens ADD COLUMN expires_at_most BIGINT;
UPDATE tokens SET expires_at_most = (SELECT m.expires_at FROM tokens m WHERE m.id = tokens.created_by)
WHERE created_by IS NOT NULL;
