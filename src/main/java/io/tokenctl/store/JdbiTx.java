package io.tokenctl.store;

import io.tokenctl.core.port.StoreTx;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The store's statements on one handle, every concept's in its own file; the only SQL in tokenctl. */
final class JdbiTx implements StoreTx, DirectorySql, TokenSql, AppSql, KeySql, AuditSql {
    private final Handle h;
    private final Dialect dialect;

    JdbiTx(Handle h, Dialect dialect) {
        this.h = h;
        this.dialect = dialect;
    }

    @Override
    public Handle h() {
        return h;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public boolean idTaken(Keyed table, String id) {
        String sql = switch (table) {
            case TOKENS -> "SELECT 1 FROM tokens WHERE id = ?";
            case USERS -> "SELECT 1 FROM users WHERE id = ?";
            case ORGS -> "SELECT 1 FROM orgs WHERE id = ?";
            case ORG_KEYS -> "SELECT 1 FROM org_keys WHERE kid = ?";
        };
        return h.createQuery(sql).bind(0, id).mapTo(Integer.class).findOne().isPresent();
    }

    /** The database's plan for a statement, one line per step: for tests and bench/ to check index use (SQLite). */
    List<String> queryPlan(Sql sql) {
        var q = h.createQuery("EXPLAIN QUERY PLAN " + sql.text());
        Columns.bindAll(q, 0, sql.args());
        return q.map((rs, ctx) -> rs.getString("detail")).list();
    }
}
