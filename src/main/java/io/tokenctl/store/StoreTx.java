package io.tokenctl.store;

import io.tokenctl.api.Permission;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.store.Rows.AuditRow;
import io.tokenctl.store.Rows.MembershipRow;
import io.tokenctl.store.Rows.OrgRow;
import io.tokenctl.store.Rows.SecretRow;
import io.tokenctl.store.Rows.TokenFilter;
import io.tokenctl.store.Rows.TokenRow;
import io.tokenctl.store.Rows.UserRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** The store's statements, run on one handle inside (or outside) a transaction. The only SQL in tokenctl. */
public final class StoreTx {
    private static final String TOKEN_COLUMNS = "SELECT t.id, t.kind, t.user_id, u.name AS user_name, t.org_id,"
            + " o.name AS org_name, t.description, t.status, t.permissions, t.expires_at, t.created_at, t.updated_at,"
            + " t.created_by, (SELECT s.hash FROM token_secrets s WHERE s.token_id = t.id AND s.not_after IS NULL)"
            + " AS hash FROM tokens t LEFT JOIN users u ON u.id = t.user_id JOIN orgs o ON o.id = t.org_id";

    private final Handle h;

    StoreTx(Handle h) {
        this.h = h;
    }

    // --- orgs and users

    public void insertOrg(OrgRow org) {
        h.createUpdate("INSERT INTO orgs (id, name, created_at) VALUES (?, ?, ?)")
                .bind(0, org.id()).bind(1, org.name()).bind(2, millis(org.createdAt())).execute();
    }

    public Optional<OrgRow> findOrgByName(String name) {
        return h.createQuery("SELECT id, name, created_at FROM orgs WHERE name = ?").bind(0, name)
                .map((rs, ctx) -> new OrgRow(rs.getString(1), rs.getString(2), instant(rs, 3))).findOne();
    }

    public int countOrgs() {
        return h.createQuery("SELECT count(*) FROM orgs").mapTo(Integer.class).one();
    }

    public void insertUser(UserRow user) {
        h.createUpdate("INSERT INTO users (id, name, created_at) VALUES (?, ?, ?)")
                .bind(0, user.id()).bind(1, user.name()).bind(2, millis(user.createdAt())).execute();
    }

    public Optional<UserRow> findUserByName(String name) {
        return h.createQuery("SELECT id, name, created_at FROM users WHERE name = ?").bind(0, name)
                .map((rs, ctx) -> new UserRow(rs.getString(1), rs.getString(2), instant(rs, 3))).findOne();
    }

    public void insertMembership(String userId, String orgId, String role) {
        h.createUpdate("INSERT INTO memberships (user_id, org_id, role) VALUES (?, ?, ?)")
                .bind(0, userId).bind(1, orgId).bind(2, role).execute();
    }

    public List<MembershipRow> memberships(String userId) {
        return h.createQuery("SELECT m.user_id, m.org_id, o.name, m.role FROM memberships m JOIN orgs o ON o.id = m.org_id"
                        + " WHERE m.user_id = ? ORDER BY o.name")
                .bind(0, userId)
                .map((rs, ctx) -> new MembershipRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    // --- tokens and secrets

    private static final String INSERT_TOKEN = "INSERT INTO tokens (id, kind, user_id, org_id, description, status,"
            + " permissions, expires_at, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_SECRET = "INSERT INTO token_secrets (hash, token_id, not_after) VALUES (?, ?, ?)";

    public void insertToken(TokenRow t) {
        h.createUpdate(INSERT_TOKEN).bind(0, t.id()).bind(1, t.kind().wire()).bind(2, t.userId()).bind(3, t.orgId())
                .bind(4, t.description()).bind(5, t.status().wire()).bind(6, PermissionColumn.encode(t.permissions()))
                .bind(7, millisOrNull(t.expiresAt())).bind(8, millis(t.createdAt())).bind(9, millis(t.updatedAt()))
                .bind(10, t.createdBy())
                .execute();
    }

    /** Many tokens, each with its current secret, as two prepared batches: for bulk loads (imports, benchmarks). */
    public void insertTokens(List<TokenRow> tokens, List<SecretRow> secrets) {
        PreparedBatch tb = h.prepareBatch(INSERT_TOKEN);
        for (TokenRow t : tokens) {
            tb.add(t.id(), t.kind().wire(), t.userId(), t.orgId(), t.description(), t.status().wire(),
                    PermissionColumn.encode(t.permissions()), millisOrNull(t.expiresAt()), millis(t.createdAt()),
                    millis(t.updatedAt()), t.createdBy());
        }
        tb.execute();
        PreparedBatch sb = h.prepareBatch(INSERT_SECRET);
        for (SecretRow s : secrets) {
            sb.add(s.hash(), s.tokenId(), millisOrNull(s.notAfter()));
        }
        sb.execute();
    }

    public boolean tokenIdExists(String id) {
        return h.createQuery("SELECT 1 FROM tokens WHERE id = ?").bind(0, id).mapTo(Integer.class).findOne().isPresent();
    }

    public void insertSecret(SecretRow s) {
        h.createUpdate(INSERT_SECRET).bind(0, s.hash()).bind(1, s.tokenId()).bind(2, millisOrNull(s.notAfter())).execute();
    }

    public Optional<SecretRow> findSecret(String hash) {
        return h.createQuery("SELECT hash, token_id, not_after FROM token_secrets WHERE hash = ?").bind(0, hash)
                .map((rs, ctx) -> new SecretRow(rs.getString(1), rs.getString(2), instant(rs, 3))).findOne();
    }

    /** Gives every current secret of the token an end time: the start of regenerate's grace. */
    public void supersedeSecrets(String tokenId, Instant notAfter) {
        h.createUpdate("UPDATE token_secrets SET not_after = ? WHERE token_id = ? AND not_after IS NULL")
                .bind(0, millis(notAfter)).bind(1, tokenId).execute();
    }

    /** Forgets superseded secrets whose end time has passed: an old hash is kept only until then. */
    public void pruneSecrets(String tokenId, Instant now) {
        h.createUpdate("DELETE FROM token_secrets WHERE token_id = ? AND not_after IS NOT NULL AND not_after <= ?")
                .bind(0, tokenId).bind(1, millis(now)).execute();
    }

    public Optional<TokenRow> findToken(String id) {
        Sql sql = findTokenSql(id);
        return h.createQuery(sql.text()).bind(0, id).map(StoreTx::tokenRow).findOne();
    }

    /** One page in id order (ids sort by creation); fetches {@code limit} rows. */
    public List<TokenRow> listTokens(TokenFilter f) {
        if (f.orgIds() != null && f.orgIds().isEmpty()) {
            return List.of();
        }
        Sql sql = listSql(f);
        Query q = h.createQuery(sql.text());
        for (int i = 0; i < sql.args().size(); i++) {
            q.bind(i, sql.args().get(i));
        }
        return q.map(StoreTx::tokenRow).list();
    }

    /** A statement and its positional arguments. */
    record Sql(String text, List<Object> args) {
    }

    static Sql findTokenSql(String id) {
        return new Sql(TOKEN_COLUMNS + " WHERE t.id = ?", List.of(id));
    }

    static Sql listSql(TokenFilter f) {
        StringBuilder sql = new StringBuilder(TOKEN_COLUMNS).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (f.orgIds() != null) {
            sql.append(" AND t.org_id IN (").append("?, ".repeat(f.orgIds().size() - 1)).append("?)");
            args.addAll(f.orgIds());
        }
        if (f.userId() != null) {
            sql.append(" AND t.user_id = ?");
            args.add(f.userId());
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
        if (f.after() != null) {
            sql.append(" AND t.id > ?");
            args.add(f.after());
        }
        sql.append(" ORDER BY t.id LIMIT ?");
        args.add(f.limit());
        return new Sql(sql.toString(), args);
    }

    /** SQLite's EXPLAIN QUERY PLAN for a statement, one line per step: for tests and bench/ to check index use. */
    List<String> queryPlan(Sql sql) {
        Query q = h.createQuery("EXPLAIN QUERY PLAN " + sql.text());
        for (int i = 0; i < sql.args().size(); i++) {
            q.bind(i, sql.args().get(i));
        }
        return q.map((rs, ctx) -> rs.getString("detail")).list();
    }

    public void updateToken(String id, String description, Instant expiresAt, Instant updatedAt) {
        h.createUpdate("UPDATE tokens SET description = ?, expires_at = ?, updated_at = ? WHERE id = ?")
                .bind(0, description).bind(1, millisOrNull(expiresAt)).bind(2, millis(updatedAt)).bind(3, id).execute();
    }

    public void setStatus(String id, TokenStatus status, Instant updatedAt) {
        h.createUpdate("UPDATE tokens SET status = ?, updated_at = ? WHERE id = ?")
                .bind(0, status.wire()).bind(1, millis(updatedAt)).bind(2, id).execute();
    }

    public void deleteToken(String id) {
        h.createUpdate("DELETE FROM tokens WHERE id = ?").bind(0, id).execute();
    }

    // --- audit

    public void insertAudit(AuditRow a) {
        h.createUpdate("INSERT INTO audit (at, actor_token_id, actor_user, org_id, action, target, outcome, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .bind(0, millis(a.at())).bind(1, a.actorTokenId()).bind(2, a.actorUser()).bind(3, a.orgId())
                .bind(4, a.action()).bind(5, a.target()).bind(6, a.outcome()).bind(7, a.reason())
                .execute();
    }

    public List<AuditRow> audit(String orgId, Instant since, int limit) {
        return h.createQuery("SELECT at, actor_token_id, actor_user, org_id, action, target, outcome, reason FROM audit"
                        + " WHERE (? IS NULL OR org_id = ?) AND at >= ? ORDER BY seq LIMIT ?")
                .bind(0, orgId).bind(1, orgId).bind(2, millis(since)).bind(3, limit)
                .map((rs, ctx) -> new AuditRow(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    // --- mapping

    private static TokenRow tokenRow(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new TokenRow(
                rs.getString("id"),
                TokenKind.fromWire(rs.getString("kind")),
                rs.getString("user_id"),
                rs.getString("user_name"),
                rs.getString("org_id"),
                rs.getString("org_name"),
                rs.getString("description"),
                TokenStatus.fromWire(rs.getString("status")),
                PermissionColumn.decode(rs.getString("permissions")),
                instant(rs, rs.findColumn("expires_at")),
                instant(rs, rs.findColumn("created_at")),
                instant(rs, rs.findColumn("updated_at")),
                rs.getString("created_by"),
                rs.getString("hash"));
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
