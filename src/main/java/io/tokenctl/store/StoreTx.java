package io.tokenctl.store;

import io.tokenctl.api.AppState;
import io.tokenctl.api.Permission;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.store.Rows.AuditFilter;
import io.tokenctl.store.Rows.AppRow;
import io.tokenctl.store.Rows.AuditRow;
import io.tokenctl.store.Rows.MemberRow;
import io.tokenctl.store.Rows.OrgKeyRow;
import io.tokenctl.store.Rows.OrgRow;
import io.tokenctl.store.Rows.SecretRow;
import io.tokenctl.store.Rows.TokenFilter;
import io.tokenctl.store.Rows.TokenRow;
import io.tokenctl.store.Rows.UserRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** The store's statements, run on one handle inside (or outside) a transaction. The only SQL in tokenctl. */
public final class StoreTx {
    private static final String TOKEN_COLUMNS = "SELECT t.id, t.kind, t.user_id, u.name AS user_name, t.org_id,"
            + " o.name AS org_name, t.all_orgs, t.description, t.status, t.retired_reason, t.permissions, t.expires_at,"
            + " t.created_at, t.updated_at, t.created_by, t.format, t.app_default, t.allow_ips, t.revoke_on_reuse,"
            + " t.verify_count, t.last_used_at, t.last_used_ip, t.last_used_app, t.deactivated_by, t.deactivated_above,"
            + " (SELECT group_concat(x.org_id, ' ') FROM token_orgs x WHERE x.token_id = t.id) AS scope,"
            + " (SELECT group_concat(e.org_id, ' ') FROM token_org_exclusions e WHERE e.token_id = t.id) AS exclusions,"
            + " (SELECT s.hash FROM token_secrets s WHERE s.token_id = t.id AND s.not_after IS NULL) AS hash"
            + " FROM tokens t LEFT JOIN users u ON u.id = t.user_id JOIN orgs o ON o.id = t.org_id";
    private static final String MEMBER_COLUMNS = "SELECT m.user_id, u.name, m.org_id, o.name, m.role FROM memberships m"
            + " JOIN users u ON u.id = m.user_id JOIN orgs o ON o.id = m.org_id";

    private final Handle h;

    StoreTx(Handle h) {
        this.h = h;
    }

    // --- orgs

    public void insertOrg(OrgRow org) {
        h.createUpdate("INSERT INTO orgs (id, name, created_at) VALUES (?, ?, ?)")
                .bind(0, org.id()).bind(1, org.name()).bind(2, millis(org.createdAt())).execute();
    }

    public Optional<OrgRow> findOrgByName(String name) {
        return h.createQuery("SELECT id, name, created_at FROM orgs WHERE name = ?").bind(0, name)
                .map(StoreTx::orgRow).findOne();
    }

    public Optional<OrgRow> findOrg(String id) {
        return h.createQuery("SELECT id, name, created_at FROM orgs WHERE id = ?").bind(0, id)
                .map(StoreTx::orgRow).findOne();
    }

    public int countOrgs() {
        return h.createQuery("SELECT count(*) FROM orgs").mapTo(Integer.class).one();
    }

    // --- users and memberships

    public void insertUser(UserRow user) {
        h.createUpdate("INSERT INTO users (id, name, created_at) VALUES (?, ?, ?)")
                .bind(0, user.id()).bind(1, user.name()).bind(2, millis(user.createdAt())).execute();
    }

    /** The live user of that name; deleted users' names are free. */
    public Optional<UserRow> findUserByName(String name) {
        return h.createQuery("SELECT id, name, created_at FROM users WHERE name = ? AND deleted_at IS NULL")
                .bind(0, name).map((rs, ctx) -> new UserRow(rs.getString(1), rs.getString(2), instant(rs, 3))).findOne();
    }

    /** The live user with this id. */
    public Optional<UserRow> findUser(String id) {
        return h.createQuery("SELECT id, name, created_at FROM users WHERE id = ? AND deleted_at IS NULL")
                .bind(0, id).map((rs, ctx) -> new UserRow(rs.getString(1), rs.getString(2), instant(rs, 3))).findOne();
    }

    public void markUserDeleted(String userId, Instant at) {
        h.createUpdate("UPDATE users SET deleted_at = ? WHERE id = ?").bind(0, millis(at)).bind(1, userId).execute();
    }

    public void insertMembership(String userId, String orgId, String role) {
        h.createUpdate("INSERT INTO memberships (user_id, org_id, role) VALUES (?, ?, ?)")
                .bind(0, userId).bind(1, orgId).bind(2, role).execute();
    }

    public void deleteMembership(String userId, String orgId) {
        h.createUpdate("DELETE FROM memberships WHERE user_id = ? AND org_id = ?").bind(0, userId).bind(1, orgId).execute();
    }

    public void deleteMemberships(String userId) {
        h.createUpdate("DELETE FROM memberships WHERE user_id = ?").bind(0, userId).execute();
    }

    /** The orgs a user belongs to, with the role in each. */
    public List<MemberRow> memberships(String userId) {
        return h.createQuery(MEMBER_COLUMNS + " WHERE m.user_id = ? ORDER BY o.name").bind(0, userId)
                .map(StoreTx::memberRow).list();
    }

    /** The members of the given orgs, by org then user name. */
    public List<MemberRow> members(Collection<String> orgIds) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        Query q = h.createQuery(MEMBER_COLUMNS + " WHERE m.org_id IN (" + placeholders(orgIds.size()) + ")"
                + " ORDER BY o.name, u.name");
        bindAll(q, 0, orgIds);
        return q.map(StoreTx::memberRow).list();
    }

    public int countAdmins(String orgId) {
        return h.createQuery("SELECT count(*) FROM memberships WHERE org_id = ? AND role = 'admin'").bind(0, orgId)
                .mapTo(Integer.class).one();
    }

    // --- tokens and secrets

    private static final String INSERT_TOKEN = "INSERT INTO tokens (id, kind, user_id, org_id, all_orgs, description,"
            + " status, permissions, expires_at, created_at, updated_at, created_by, format, app_default, allow_ips,"
            + " revoke_on_reuse) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TOKEN_ORG = "INSERT INTO token_orgs (token_id, org_id) VALUES (?, ?)";
    private static final String INSERT_SECRET = "INSERT INTO token_secrets (hash, token_id, not_after) VALUES (?, ?, ?)";

    private static Object[] tokenArgs(TokenRow t) {
        return new Object[] {t.id(), t.kind().wire(), t.userId(), t.orgId(), t.allOrgs() ? 1 : 0, t.description(),
            t.status().wire(), PermissionColumn.encode(t.permissions()), millisOrNull(t.expiresAt()),
            millis(t.createdAt()), millis(t.updatedAt()), t.createdBy(), t.format().wire(), t.appDefault().wire(),
            t.allowIps().isEmpty() ? null : String.join(" ", t.allowIps()), t.revokeOnReuse() ? 1 : 0};
    }

    /** One token with its static org scope ({@code t.scopeOrgIds()}). */
    public void insertToken(TokenRow t) {
        org.jdbi.v3.core.statement.Update u = h.createUpdate(INSERT_TOKEN);
        Object[] args = tokenArgs(t);
        for (int i = 0; i < args.length; i++) {
            u.bind(i, args[i]);
        }
        u.execute();
        setTokenOrgs(t.id(), t.scopeOrgIds());
    }

    /** Many tokens, each with its current secret, as prepared batches: for bulk loads (imports, benchmarks). */
    public void insertTokens(List<TokenRow> tokens, List<SecretRow> secrets) {
        PreparedBatch tb = h.prepareBatch(INSERT_TOKEN);
        PreparedBatch ob = h.prepareBatch(INSERT_TOKEN_ORG);
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
        PreparedBatch sb = h.prepareBatch(INSERT_SECRET);
        for (SecretRow s : secrets) {
            sb.add(s.hash(), s.tokenId(), millisOrNull(s.notAfter()));
        }
        sb.execute();
    }

    /** Replaces a token's static org scope. */
    public void setTokenOrgs(String tokenId, Collection<String> orgIds) {
        h.createUpdate("DELETE FROM token_orgs WHERE token_id = ?").bind(0, tokenId).execute();
        for (String orgId : orgIds) {
            h.createUpdate(INSERT_TOKEN_ORG).bind(0, tokenId).bind(1, orgId).execute();
        }
    }

    /** The tables whose rows are keyed by a tokenctl id, each with its key column. */
    public enum Keyed {
        TOKENS("SELECT 1 FROM tokens WHERE id = ?"),
        USERS("SELECT 1 FROM users WHERE id = ?"),
        ORGS("SELECT 1 FROM orgs WHERE id = ?"),
        ORG_KEYS("SELECT 1 FROM org_keys WHERE kid = ?");

        private final String query;

        Keyed(String query) {
            this.query = query;
        }
    }

    /** Whether a row of {@code table} already has this id (deleted users keep theirs). */
    public boolean idTaken(Keyed table, String id) {
        return h.createQuery(table.query).bind(0, id).mapTo(Integer.class).findOne().isPresent();
    }

    public void insertSecret(SecretRow s) {
        h.createUpdate(INSERT_SECRET)
                .bind(0, s.hash()).bind(1, s.tokenId()).bind(2, millisOrNull(s.notAfter())).execute();
    }

    public Optional<SecretRow> findSecret(String hash) {
        return h.createQuery("SELECT hash, token_id, not_after FROM token_secrets WHERE hash = ?").bind(0, hash)
                .map((rs, ctx) -> new SecretRow(rs.getString(1), rs.getString(2), instant(rs, 3))).findOne();
    }

    /** Gives every live secret of the token an end time no later than {@code notAfter}: regenerate's grace. */
    public void supersedeSecrets(String tokenId, Instant notAfter) {
        // earlier secrets still in a grace window end no later than this one: "kill it now" kills them all
        h.createUpdate("UPDATE token_secrets SET not_after = ? WHERE token_id = ?"
                        + " AND (not_after IS NULL OR not_after > ?)")
                .bind(0, millis(notAfter)).bind(1, tokenId).bind(2, millis(notAfter)).execute();
    }

    public Optional<TokenRow> findToken(String id) {
        return query(findTokenSql(id)).map(StoreTx::tokenRow).findOne();
    }

    /** One page in id order (ids sort by creation); fetches at most {@code limit} rows. */
    public List<TokenRow> listTokens(TokenFilter f) {
        return query(listSql(f)).map(StoreTx::tokenRow).list();
    }

    /** A statement and its positional arguments, so tests can check the plan of exactly what runs. */
    record Sql(String text, List<Object> args) {
    }

    private Query query(Sql sql) {
        Query q = h.createQuery(sql.text());
        bindAll(q, 0, sql.args());
        return q;
    }

    /** SQLite's EXPLAIN QUERY PLAN for a statement, one line per step: for tests and bench/ to check index use. */
    List<String> queryPlan(Sql sql) {
        return query(new Sql("EXPLAIN QUERY PLAN " + sql.text(), sql.args()))
                .map((rs, ctx) -> rs.getString("detail")).list();
    }

    static Sql findTokenSql(String id) {
        return new Sql(TOKEN_COLUMNS + " WHERE t.id = ?", List.of(id));
    }

    static Sql listSql(TokenFilter f) {
        StringBuilder sql = new StringBuilder(TOKEN_COLUMNS).append(" WHERE ");
        List<Object> args = new ArrayList<>();
        // what the caller may see; a dead "0 OR ..." branch would cost the planner its index
        List<String> visible = new ArrayList<>();
        if (!f.adminOrgIds().isEmpty()) {
            visible.add("t.org_id IN (" + placeholders(f.adminOrgIds().size()) + ")");
            args.addAll(f.adminOrgIds());
        }
        if (f.ownUserId() != null && !f.memberOrgIds().isEmpty()) {
            visible.add("(t.kind = 'user' AND t.user_id = ? AND t.org_id IN ("
                    + placeholders(f.memberOrgIds().size()) + "))");
            args.add(f.ownUserId());
            args.addAll(f.memberOrgIds());
        }
        sql.append(visible.isEmpty() ? "0" : visible.size() == 1 ? visible.get(0)
                : "(" + String.join(" OR ", visible) + ")");
        if (f.userId() != null) {
            sql.append(" AND t.user_id = ?");
            args.add(f.userId());
        }
        if (f.orgId() != null) {
            sql.append(" AND t.org_id = ?");
            args.add(f.orgId());
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
        if (f.after() != null) {
            sql.append(" AND t.id > ?");
            args.add(f.after());
        }
        sql.append(" ORDER BY t.id LIMIT ?");
        args.add(f.limit());
        return new Sql(sql.toString(), args);
    }

    /** Ids of a user's own user tokens that are not yet retired. */
    public List<String> liveUserTokenIds(String userId) {
        return h.createQuery("SELECT id FROM tokens WHERE user_id = ? AND kind = 'user' AND status <> 'retired'"
                + " ORDER BY id").bind(0, userId).mapTo(String.class).list();
    }

    public void updateToken(String id, String description, Instant expiresAt, Instant updatedAt) {
        h.createUpdate("UPDATE tokens SET description = ?, expires_at = ?, updated_at = ? WHERE id = ?")
                .bind(0, description).bind(1, millisOrNull(expiresAt)).bind(2, millis(updatedAt)).bind(3, id).execute();
    }

    public void setOwner(String id, String userId, Instant updatedAt) {
        h.createUpdate("UPDATE tokens SET user_id = ?, updated_at = ? WHERE id = ?")
                .bind(0, userId).bind(1, millis(updatedAt)).bind(2, id).execute();
    }

    public void setStatus(String id, TokenStatus status, String reason, Instant updatedAt) {
        h.createUpdate("UPDATE tokens SET status = ?, retired_reason = ?, updated_at = ? WHERE id = ?")
                .bind(0, status.wire()).bind(1, reason).bind(2, millis(updatedAt)).bind(3, id).execute();
    }

    /** Deactivates a token, recording by whom and whether from above its owner (see {@link TokenRow}). */
    public void deactivate(String id, String by, boolean above, Instant updatedAt) {
        h.createUpdate("UPDATE tokens SET status = 'inactive', deactivated_by = ?, deactivated_above = ?, updated_at = ?"
                        + " WHERE id = ?")
                .bind(0, by).bind(1, above ? 1 : 0).bind(2, millis(updatedAt)).bind(3, id).execute();
    }

    /** Activates a token, forgetting who had deactivated it. */
    public void activate(String id, Instant updatedAt) {
        h.createUpdate("UPDATE tokens SET status = 'active', deactivated_by = NULL, deactivated_above = 0,"
                        + " updated_at = ? WHERE id = ?")
                .bind(0, millis(updatedAt)).bind(1, id).execute();
    }

    /** Cuts one org out of a fixed-scope token's reach. */
    public void removeTokenOrg(String tokenId, String orgId) {
        h.createUpdate("DELETE FROM token_orgs WHERE token_id = ? AND org_id = ?").bind(0, tokenId).bind(1, orgId)
                .execute();
    }

    /** Cuts one org out of an all-orgs token's reach: it follows its owner everywhere else. */
    public void excludeOrg(String tokenId, String orgId, String by, Instant at) {
        h.createUpdate("INSERT INTO token_org_exclusions (token_id, org_id, excluded_at, excluded_by) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (token_id, org_id) DO NOTHING")
                .bind(0, tokenId).bind(1, orgId).bind(2, millis(at)).bind(3, by).execute();
    }

    /** Moves a token's home org (when its home was cut out of its reach). */
    public void setHomeOrg(String tokenId, String orgId, Instant updatedAt) {
        h.createUpdate("UPDATE tokens SET org_id = ?, updated_at = ? WHERE id = ?")
                .bind(0, orgId).bind(1, millis(updatedAt)).bind(2, tokenId).execute();
    }

    /** Makes a user token an account token with a static scope; the schema refuses the way back. */
    public void promote(String id, Instant updatedAt) {
        h.createUpdate("UPDATE tokens SET kind = 'account', all_orgs = 0, updated_at = ? WHERE id = ?")
                .bind(0, millis(updatedAt)).bind(1, id).execute();
    }

    public void deleteToken(String id) {
        h.createUpdate("DELETE FROM tokens WHERE id = ?").bind(0, id).execute();
    }

    public void setRevokeOnReuse(String id, boolean on) {
        h.createUpdate("UPDATE tokens SET revoke_on_reuse = ? WHERE id = ?").bind(0, on ? 1 : 0).bind(1, id).execute();
    }

    /**
     * Adds {@code count} uses; the last use moves only forward, since flushes (of several processes) may arrive
     * out of order. Every SET expression reads the row as it was before the update.
     */
    public void recordUse(String id, long count, Instant at, String ip, String app) {
        long t = millis(at);
        h.createUpdate("UPDATE tokens SET verify_count = verify_count + ?,"
                        + " last_used_ip = CASE WHEN last_used_at IS NULL OR last_used_at <= ? THEN ? ELSE last_used_ip END,"
                        + " last_used_app = CASE WHEN last_used_at IS NULL OR last_used_at <= ? THEN ? ELSE last_used_app END,"
                        + " last_used_at = CASE WHEN last_used_at IS NULL OR last_used_at <= ? THEN ? ELSE last_used_at END"
                        + " WHERE id = ?")
                .bind(0, count).bind(1, t).bind(2, ip).bind(3, t).bind(4, app).bind(5, t).bind(6, t).bind(7, id).execute();
    }

    // --- apps

    public Optional<AppRow> findApp(String tokenId, String app) {
        return h.createQuery("SELECT token_id, app, state, first_seen, last_seen FROM token_apps"
                        + " WHERE token_id = ? AND app = ?")
                .bind(0, tokenId).bind(1, app).map(StoreTx::appRow).findOne();
    }

    /** Records an app's first use with the given state; a concurrent first use keeps the earlier row. */
    public void insertAppIfAbsent(String tokenId, String app, AppState state, Instant at) {
        h.createUpdate("INSERT INTO token_apps (token_id, app, state, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (token_id, app) DO NOTHING")
                .bind(0, tokenId).bind(1, app).bind(2, state.wire()).bind(3, millis(at)).bind(4, millis(at)).execute();
    }

    public void touchApp(String tokenId, String app, Instant at) {
        h.createUpdate("UPDATE token_apps SET last_seen = ? WHERE token_id = ? AND app = ? AND last_seen < ?")
                .bind(0, millis(at)).bind(1, tokenId).bind(2, app).bind(3, millis(at)).execute();
    }

    /** Sets an app's state, recording the app if it was never seen (approval ahead of first use). */
    public void setAppState(String tokenId, String app, AppState state, Instant at) {
        h.createUpdate("INSERT INTO token_apps (token_id, app, state, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (token_id, app) DO UPDATE SET state = excluded.state")
                .bind(0, tokenId).bind(1, app).bind(2, state.wire()).bind(3, millis(at)).bind(4, millis(at)).execute();
    }

    public List<AppRow> apps(String tokenId) {
        return h.createQuery("SELECT token_id, app, state, first_seen, last_seen FROM token_apps WHERE token_id = ?"
                + " ORDER BY app").bind(0, tokenId).map(StoreTx::appRow).list();
    }

    private static AppRow appRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AppRow(rs.getString(1), rs.getString(2), AppState.fromWire("state", rs.getString(3)),
                instant(rs, 4), instant(rs, 5));
    }

    // --- org signing keys

    public void insertOrgKey(OrgKeyRow k) {
        h.createUpdate("INSERT INTO org_keys (kid, org_id, private_key, public_key, created_at) VALUES (?, ?, ?, ?, ?)")
                .bind(0, k.kid()).bind(1, k.orgId()).bind(2, k.privateKey()).bind(3, k.publicKey())
                .bind(4, millis(k.createdAt())).execute();
    }

    /** An org's keys, newest first: the first one signs. */
    public List<OrgKeyRow> orgKeys(String orgId) {
        return h.createQuery("SELECT kid, org_id, private_key, public_key, created_at FROM org_keys WHERE org_id = ?"
                + " ORDER BY created_at DESC, kid DESC").bind(0, orgId).map(StoreTx::orgKeyRow).list();
    }

    public Optional<OrgKeyRow> findOrgKey(String kid) {
        return h.createQuery("SELECT kid, org_id, private_key, public_key, created_at FROM org_keys WHERE kid = ?")
                .bind(0, kid).map(StoreTx::orgKeyRow).findOne();
    }

    public void deleteOrgKey(String kid) {
        h.createUpdate("DELETE FROM org_keys WHERE kid = ?").bind(0, kid).execute();
    }

    private static OrgKeyRow orgKeyRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OrgKeyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5));
    }

    /**
     * A number that changes whenever another connection commits to the store (SQLite's data_version): cheap
     * enough to ask once a second, so caches can tell whether anything they hold may be stale.
     */
    public long changeCounter() {
        return h.createQuery("PRAGMA data_version").mapTo(Long.class).one();
    }

    // --- audit

    public void insertAudit(AuditRow a) {
        h.createUpdate("INSERT INTO audit (at, actor_token_id, actor_user, org_id, action, target, outcome, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, millis(a.at())).bind(1, a.actorTokenId()).bind(2, a.actorUser()).bind(3, a.orgId())
                .bind(4, a.action()).bind(5, a.target()).bind(6, a.outcome()).bind(7, a.reason())
                .execute();
    }

    /** Many audit events as one prepared batch: for bulk loads (imports, benchmarks). */
    public void insertAudits(List<AuditRow> rows) {
        PreparedBatch b = h.prepareBatch("INSERT INTO audit (at, actor_token_id, actor_user, org_id, action, target,"
                + " outcome, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (AuditRow a : rows) {
            b.add(millis(a.at()), a.actorTokenId(), a.actorUser(), a.orgId(), a.action(), a.target(), a.outcome(),
                    a.reason());
        }
        if (!rows.isEmpty()) {
            b.execute();
        }
    }

    public List<AuditRow> audit(AuditFilter f) {
        if (f.orgIds().isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("SELECT seq, at, actor_token_id, actor_user, org_id, action, target,"
                + " outcome, reason FROM audit WHERE org_id IN (" + placeholders(f.orgIds().size()) + ")");
        List<Object> args = new ArrayList<>(f.orgIds());
        if (f.since() != null) {
            sql.append(" AND at >= ?");
            args.add(millis(f.since()));
        }
        if (f.actor() != null) {
            sql.append(" AND actor_user = ?");
            args.add(f.actor());
        }
        if (f.target() != null) {
            sql.append(" AND target = ?");
            args.add(f.target());
        }
        if (f.afterSeq() != null) {
            sql.append(" AND seq > ?");
            args.add(f.afterSeq());
        }
        sql.append(" ORDER BY seq LIMIT ?");
        args.add(f.limit());
        Query q = h.createQuery(sql.toString());
        bindAll(q, 0, args);
        return q.map((rs, ctx) -> new AuditRow(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))).list();
    }

    // --- mapping

    private static OrgRow orgRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OrgRow(rs.getString(1), rs.getString(2), instant(rs, 3));
    }

    private static MemberRow memberRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new MemberRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    private static TokenRow tokenRow(ResultSet rs, StatementContext ctx) throws SQLException {
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
                PermissionColumn.decode(rs.getString("permissions")),
                instant(rs, rs.findColumn("expires_at")),
                instant(rs, rs.findColumn("created_at")),
                instant(rs, rs.findColumn("updated_at")),
                rs.getString("created_by"),
                rs.getString("hash"),
                TokenFormat.fromWire("format", rs.getString("format")),
                AppState.fromWire("app_default", rs.getString("app_default")),
                words(rs.getString("allow_ips")),
                rs.getInt("revoke_on_reuse") != 0,
                rs.getLong("verify_count"),
                instant(rs, rs.findColumn("last_used_at")),
                rs.getString("last_used_ip"),
                rs.getString("last_used_app"),
                words(rs.getString("exclusions")),
                rs.getString("deactivated_by"),
                rs.getInt("deactivated_above") != 0);
    }

    private static List<String> words(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(List.of(text.split(" ")));
        out.sort(null);
        return List.copyOf(out);
    }

    private static String placeholders(int n) {
        return "?, ".repeat(n - 1) + "?";
    }

    private static void bindAll(Query q, int from, Collection<?> values) {
        int i = from;
        for (Object v : values) {
            q.bind(i++, v);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static long millis(Instant t) {
        return t.toEpochMilli();
    }

    private static Long millisOrNull(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    /** Permissions as one column: space-separated {@code action:type[/id]}; fixed at creation, read whole. */
    static final class PermissionColumn {
        private PermissionColumn() {
        }

        static String encode(List<Permission> permissions) {
            StringBuilder sb = new StringBuilder();
            for (Permission p : permissions) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(p);
            }
            return sb.toString();
        }

        static List<Permission> decode(String text) {
            List<Permission> out = new ArrayList<>();
            for (String part : text.split(" ")) {
                if (!part.isEmpty()) {
                    out.add(Permission.parse(part));
                }
            }
            return out;
        }
    }
}
