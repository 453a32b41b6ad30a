package io.tokenctl.store;

import static io.tokenctl.store.Columns.bindAll;
import static io.tokenctl.store.Columns.decodePermissions;
import static io.tokenctl.store.Columns.encodePermissions;
import static io.tokenctl.store.Columns.instant;
import static io.tokenctl.store.Columns.millis;
import static io.tokenctl.store.Columns.millisOrNull;
import static io.tokenctl.store.Columns.placeholders;
import static io.tokenctl.store.Columns.words;

import io.tokenctl.api.AppState;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.core.port.Rows.SecretRow;
import io.tokenctl.core.port.Rows.TokenFilter;
import io.tokenctl.core.port.Rows.TokenRow;
import io.tokenctl.core.port.Rows.UseRow;
import io.tokenctl.core.port.TokenRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** Tokens, their scope and their secrets' hashes, in SQL. */
interface TokenSql extends TokenRows, Statements {
    String SQLITE_COLUMNS = tokenColumns(Dialect.SQLITE);
    String POSTGRESQL_COLUMNS = tokenColumns(Dialect.POSTGRESQL);
    String INSERT_TOKEN = "INSERT INTO tokens (id, kind, user_id, org_id, all_orgs, description,"
            + " status, permissions, expires_at, created_at, updated_at, created_by, format, app_default, allow_ips,"
            + " revoke_on_reuse, expires_at_most) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    String INSERT_TOKEN_ORG = "INSERT INTO token_orgs (token_id, org_id) VALUES (?, ?)";
    String INSERT_SECRET = "INSERT INTO token_secrets (hash, token_id, not_after) VALUES (?, ?, ?)";

    private static String tokenColumns(Dialect d) {
        return "SELECT t.id, t.kind, t.user_id, u.name AS user_name, t.org_id,"
                + " o.name AS org_name, t.all_orgs, t.description, t.status, t.retired_reason, t.permissions,"
                + " t.expires_at, t.created_at, t.updated_at, t.created_by, t.format, t.app_default, t.allow_ips,"
                + " t.revoke_on_reuse, t.verify_count, t.last_used_at, t.last_used_ip, t.last_used_app,"
                + " t.deactivated_by, t.deactivated_above, t.expires_at_most,"
                + " (SELECT " + d.joinWords("x.org_id") + " FROM token_orgs x WHERE x.token_id = t.id) AS scope,"
                + " (SELECT " + d.joinWords("e.org_id") + " FROM token_org_exclusions e WHERE e.token_id = t.id)"
                + " AS exclusions,"
                + " (SELECT s.hash FROM token_secrets s WHERE s.token_id = t.id AND s.not_after IS NULL) AS hash"
                + " FROM tokens t LEFT JOIN users u ON u.id = t.user_id JOIN orgs o ON o.id = t.org_id";
    }

    private static String columns(Dialect d) {
        return d == Dialect.SQLITE ? SQLITE_COLUMNS : POSTGRESQL_COLUMNS;
    }

    private static Object[] tokenArgs(TokenRow t) {
        return new Object[] {t.id(), t.kind().wire(), t.userId(), t.orgId(), t.allOrgs() ? 1 : 0, t.description(),
            t.status().wire(), encodePermissions(t.permissions()), millisOrNull(t.expiresAt()),
            millis(t.createdAt()), millis(t.updatedAt()), t.createdBy(), t.format().wire(), t.appDefault().wire(),
            t.allowIps().isEmpty() ? null : String.join(" ", t.allowIps()), t.revokeOnReuse() ? 1 : 0,
            millisOrNull(t.expiresAtMost())};
    }

    @Override
    default void insertToken(TokenRow t) {
        Update u = h().createUpdate(INSERT_TOKEN);
        Object[] args = tokenArgs(t);
        for (int i = 0; i < args.length; i++) {
            u.bind(i, args[i]);
        }
        u.execute();
        setTokenOrgs(t.id(), t.scopeOrgIds());
    }

    @Override
    default void insertTokens(List<TokenRow> tokens, List<SecretRow> secrets) {
        PreparedBatch tb = h().prepareBatch(INSERT_TOKEN);
        PreparedBatch ob = h().prepareBatch(INSERT_TOKEN_ORG);
        boolean anyOrgs = false;
        for (TokenRow t : tokens) {
            tb.add(tokenArgs(t));
            for (String orgId : t.scopeOrgIds()) {
                ob.add(t.id(), orgId);
                anyOrgs = true;
            }
        }
        tb.execute();
        if (anyOrgs) {
            ob.execute();
        }
        PreparedBatch sb = h().prepareBatch(INSERT_SECRET);
        for (SecretRow s : secrets) {
            sb.add(s.hash(), s.tokenId(), millisOrNull(s.notAfter()));
        }
        sb.execute();
    }

    @Override
    default void setTokenOrgs(String tokenId, Collection<String> orgIds) {
        h().createUpdate("DELETE FROM token_orgs WHERE token_id = ?").bind(0, tokenId).execute();
        for (String orgId : orgIds) {
            h().createUpdate(INSERT_TOKEN_ORG).bind(0, tokenId).bind(1, orgId).execute();
        }
    }

    @Override
    default void insertSecret(SecretRow s) {
        h().createUpdate(INSERT_SECRET)
                .bind(0, s.hash()).bind(1, s.tokenId()).bind(2, millisOrNull(s.notAfter())).execute();
    }

    @Override
    default Optional<SecretRow> findSecret(String hash) {
        return h().createQuery("SELECT hash, token_id, not_after FROM token_secrets WHERE hash = ?").bind(0, hash)
                .map((rs, ctx) -> new SecretRow(rs.getString(1), rs.getString(2), instant(rs, 3))).findOne();
    }

    @Override
    default void supersedeSecrets(String tokenId, Instant notAfter) {
        // earlier secrets still in a grace window end no later than this one: "kill it now" kills them all
        h().createUpdate("UPDATE token_secrets SET not_after = ? WHERE token_id = ?"
                        + " AND (not_after IS NULL OR not_after > ?)")
                .bind(0, millis(notAfter)).bind(1, tokenId).bind(2, millis(notAfter)).execute();
    }

    @Override
    default Optional<TokenRow> findToken(String id) {
        return query(findTokenSql(dialect(), id)).map((rs, ctx) -> tokenRow(rs)).findOne();
    }

    @Override
    default List<TokenRow> listTokens(TokenFilter f) {
        return query(listSql(dialect(), f)).map((rs, ctx) -> tokenRow(rs)).list();
    }

    private Query query(Sql sql) {
        Query q = h().createQuery(sql.text());
        bindAll(q, 0, sql.args());
        return q;
    }

    static Sql findTokenSql(Dialect d, String id) {
        return new Sql(columns(d) + " WHERE t.id = ?", List.of(id));
    }

    @Override
    default long countTokens(TokenFilter f, int atMost) {
        List<Object> args = new ArrayList<>();
        String where = where(f, args);
        args.add(atMost);
        Query q = h().createQuery("SELECT count(*) FROM (SELECT 1 FROM tokens t WHERE " + where + " LIMIT ?) x");
        bindAll(q, 0, args);
        return q.mapTo(Long.class).one();
    }

    static Sql listSql(Dialect d, TokenFilter f) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(columns(d)).append(" WHERE ").append(where(f, args));
        if (f.after() != null) {
            sql.append(" AND t.id > ?");
            args.add(f.after());
        }
        sql.append(" ORDER BY t.id LIMIT ?");
        args.add(f.limit());
        return new Sql(sql.toString(), args);
    }

    /**
     * Whether token {@code t} reaches one of {@code n} orgs, as Authenticator.scope judges it: an account token
     * through its static scope; a user token only where its owner is a member, through its static scope or, for
     * an all-orgs token, every membership but the orgs cut out of it. Takes the orgs twice ({@link #reachArgs}).
     */
    private static String reaches(int n) {
        String in = placeholders(n);
        return "(EXISTS (SELECT 1 FROM token_orgs x WHERE x.token_id = t.id AND x.org_id IN (" + in + ")"
                + " AND (t.kind <> 'user' OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = t.user_id"
                + " AND m.org_id = x.org_id)))"
                + " OR t.all_orgs = 1 AND t.kind = 'user' AND EXISTS (SELECT 1 FROM memberships m WHERE"
                + " m.user_id = t.user_id AND m.org_id IN (" + in + ") AND NOT EXISTS (SELECT 1 FROM"
                + " token_org_exclusions e WHERE e.token_id = t.id AND e.org_id = m.org_id)))";
    }

    private static void reachArgs(List<Object> args, List<String> orgIds) {
        args.addAll(orgIds);
        args.addAll(orgIds);
    }

    /** What {@code f} selects, on tokens {@code t}, but its page: the caller's view and its filters. */
    private static String where(TokenFilter f, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        // what the caller may see; a dead "FALSE OR ..." branch would cost the planner its index
        List<String> visible = new ArrayList<>();
        if (!f.adminOrgIds().isEmpty()) {
            // an admin sees the tokens homed in its orgs, and those that reach them from elsewhere
            visible.add("(t.org_id IN (" + placeholders(f.adminOrgIds().size()) + ") OR "
                    + reaches(f.adminOrgIds().size()) + ")");
            args.addAll(f.adminOrgIds());
            reachArgs(args, f.adminOrgIds());
        }
        if (f.ownUserId() != null && !f.memberOrgIds().isEmpty()) {
            visible.add("(t.kind = 'user' AND t.user_id = ? AND t.org_id IN ("
                    + placeholders(f.memberOrgIds().size()) + "))");
            args.add(f.ownUserId());
            args.addAll(f.memberOrgIds());
        }
        sql.append(visible.isEmpty() ? "FALSE" : visible.size() == 1 ? visible.get(0)
                : "(" + String.join(" OR ", visible) + ")");
        if (f.userId() != null) {
            sql.append(" AND t.user_id = ?");
            args.add(f.userId());
        }
        if (f.orgId() != null) {
            // every token that can act in the org, wherever its home is (and those homed there)
            sql.append(" AND (t.org_id = ? OR ").append(reaches(1)).append(")");
            args.add(f.orgId());
            reachArgs(args, List.of(f.orgId()));
        }
        if (f.status() != null) {
            long now = millis(f.now());
            switch (f.status()) {
                case ACTIVE -> {
                    sql.append(" AND t.status = 'active' AND (t.expires_at IS NULL OR t.expires_at > ?)");
                    args.add(now);
                }
                case EXPIRED -> {
                    sql.append(" AND t.status = 'active' AND t.expires_at <= ?");
                    args.add(now);
                }
                default -> {
                    sql.append(" AND t.status = ?");
                    args.add(f.status().wire());
                }
            }
        }
        if (f.expiresBefore() != null) {
            sql.append(" AND t.status = 'active' AND t.expires_at > ? AND t.expires_at <= ?");
            args.add(millis(f.now()));
            args.add(millis(f.expiresBefore()));
        }
        return sql.toString();
    }

    @Override
    default List<String> liveUserTokenIds(String userId) {
        return h().createQuery("SELECT id FROM tokens WHERE user_id = ? AND kind = 'user' AND status <> 'retired'"
                + " ORDER BY id").bind(0, userId).mapTo(String.class).list();
    }

    @Override
    default void updateToken(String id, String description, Instant expiresAt, Instant updatedAt) {
        h().createUpdate("UPDATE tokens SET description = ?, expires_at = ?, updated_at = ? WHERE id = ?")
                .bind(0, description).bind(1, millisOrNull(expiresAt)).bind(2, millis(updatedAt)).bind(3, id).execute();
    }

    @Override
    default void setOwner(String id, String userId, Instant updatedAt) {
        h().createUpdate("UPDATE tokens SET user_id = ?, updated_at = ? WHERE id = ?")
                .bind(0, userId).bind(1, millis(updatedAt)).bind(2, id).execute();
    }

    @Override
    default void setStatus(String id, TokenStatus status, String reason, Instant updatedAt) {
        h().createUpdate("UPDATE tokens SET status = ?, retired_reason = ?, updated_at = ? WHERE id = ?")
                .bind(0, status.wire()).bind(1, reason).bind(2, millis(updatedAt)).bind(3, id).execute();
    }

    @Override
    default void deactivate(String id, String by, boolean above, Instant updatedAt) {
        h().createUpdate("UPDATE tokens SET status = 'inactive', deactivated_by = ?, deactivated_above = ?,"
                        + " updated_at = ? WHERE id = ?")
                .bind(0, by).bind(1, above ? 1 : 0).bind(2, millis(updatedAt)).bind(3, id).execute();
    }

    @Override
    default void activate(String id, Instant updatedAt) {
        h().createUpdate("UPDATE tokens SET status = 'active', deactivated_by = NULL, deactivated_above = 0,"
                        + " updated_at = ? WHERE id = ?")
                .bind(0, millis(updatedAt)).bind(1, id).execute();
    }

    @Override
    default void removeTokenOrg(String tokenId, String orgId) {
        h().createUpdate("DELETE FROM token_orgs WHERE token_id = ? AND org_id = ?").bind(0, tokenId).bind(1, orgId)
                .execute();
    }

    @Override
    default void excludeOrg(String tokenId, String orgId, String by, Instant at) {
        h().createUpdate("INSERT INTO token_org_exclusions (token_id, org_id, excluded_at, excluded_by)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (token_id, org_id) DO NOTHING")
                .bind(0, tokenId).bind(1, orgId).bind(2, millis(at)).bind(3, by).execute();
    }

    @Override
    default void setHomeOrg(String tokenId, String orgId, Instant updatedAt) {
        h().createUpdate("UPDATE tokens SET org_id = ?, updated_at = ? WHERE id = ?")
                .bind(0, orgId).bind(1, millis(updatedAt)).bind(2, tokenId).execute();
    }

    @Override
    default void promote(String id, Instant updatedAt) {
        h().createUpdate("UPDATE tokens SET kind = 'account', all_orgs = 0, updated_at = ? WHERE id = ?")
                .bind(0, millis(updatedAt)).bind(1, id).execute();
    }

    @Override
    default void deleteToken(String id) {
        h().createUpdate("DELETE FROM tokens WHERE id = ?").bind(0, id).execute();
    }

    @Override
    default void setRevokeOnReuse(String id, boolean on) {
        h().createUpdate("UPDATE tokens SET revoke_on_reuse = ? WHERE id = ?").bind(0, on ? 1 : 0).bind(1, id)
                .execute();
    }

    /** Every SET expression reads the row as it was before the update. */
    @Override
    default void recordUses(List<UseRow> uses) {
        PreparedBatch counts = h().prepareBatch("UPDATE tokens SET verify_count = verify_count + ?,"
                + " last_used_ip = CASE WHEN last_used_at IS NULL OR last_used_at <= ? THEN ? ELSE last_used_ip END,"
                + " last_used_app = CASE WHEN last_used_at IS NULL OR last_used_at <= ? THEN ? ELSE last_used_app END,"
                + " last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at <= ? THEN ? ELSE last_used_at END"
                + " WHERE id = ?");
        PreparedBatch apps = h().prepareBatch("UPDATE token_apps SET last_seen = ? WHERE token_id = ? AND app = ?"
                + " AND last_seen < ?");
        boolean anyApp = false;
        for (UseRow u : uses) {
            long t = millis(u.at());
            counts.add(u.count(), t, u.ip(), t, u.app(), t, t, u.tokenId());
            if (u.app() != null) {
                apps.add(t, u.tokenId(), u.app(), t);
                anyApp = true;
            }
        }
        if (!uses.isEmpty()) {
            counts.execute();
        }
        if (anyApp) {
            apps.execute();
        }
    }

    @Override
    default boolean claimUsageBatch(String batchId, Instant at) {
        return h().createUpdate("INSERT INTO usage_batches (id, written_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING")
                .bind(0, batchId).bind(1, millis(at)).execute() == 1;
    }

    @Override
    default void forgetUsageBatches(Instant before) {
        h().createUpdate("DELETE FROM usage_batches WHERE written_at < ?").bind(0, millis(before)).execute();
    }

    private static TokenRow tokenRow(ResultSet rs) throws SQLException {
        return new TokenRow(
                rs.getString("id"),
                TokenKind.fromWire(rs.getString("kind")),
                rs.getString("user_id"),
                rs.getString("user_name"),
                rs.getString("org_id"),
                rs.getString("org_name"),
                rs.getInt("all_orgs") != 0,
                words(rs.getString("scope")),
                rs.getString("description"),
                TokenStatus.fromWire(rs.getString("status")),
                rs.getString("retired_reason"),
                decodePermissions(rs.getString("permissions")),
                instant(rs, "expires_at"),
                instant(rs, "expires_at_most"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getString("created_by"),
                rs.getString("hash"),
                TokenFormat.fromWire("format", rs.getString("format")),
                AppState.fromWire("app_default", rs.getString("app_default")),
                words(rs.getString("allow_ips")),
                rs.getInt("revoke_on_reuse") != 0,
                rs.getLong("verify_count"),
                instant(rs, "last_used_at"),
                rs.getString("last_used_ip"),
                rs.getString("last_used_app"),
                words(rs.getString("exclusions")),
                rs.getString("deactivated_by"),
                rs.getInt("deactivated_above") != 0);
    }
}
