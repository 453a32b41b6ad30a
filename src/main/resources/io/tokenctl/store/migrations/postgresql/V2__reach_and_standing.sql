-- tokenctl schema 2, PostgreSQL's part: cutting an org out of an all-orgs token's reach changes what it may do.
CREATE TRIGGER token_org_exclusions_changed AFTER INSERT OR UPDATE OR DELETE ON token_org_exclusions
FOR EACH ROW EXECUTE FUNCTION tokenctl_changed('token_id');
