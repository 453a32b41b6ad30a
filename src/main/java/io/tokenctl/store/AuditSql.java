package io.tokenctl.store;

import static io.tokenctl.store.Columns.bindAll;
import static io.tokenctl.store.Columns.instant;
import static io.tokenctl.store.Columns.millis;
import static io.tokenctl.store.Columns.placeholders;

import io.tokenctl.core.port.AuditRows;
import io.tokenctl.core.port.Rows.AuditFilter;
import io.tokenctl.core.port.Rows.AuditRow;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** The audit log, in SQL: rows are only ever added (the schema refuses the rest). */
interface AuditSql extends AuditRows, Statements {
    String INSERT_AUDIT = "INSERT INTO audit (at, actor_token_id, actor_user, org_id, action, target, outcome, reason)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    @Override
    default void insertAudit(AuditRow a) {
        h().createUpdate(INSERT_AUDIT)
                .bind(0, millis(a.at())).bind(1, a.actorTokenId()).bind(2, a.actorUser()).bind(3, a.orgId())
                .bind(4, a.action()).bind(5, a.target()).bind(6, a.outcome()).bind(7, a.reason())
                .execute();
    }

    @Override
    default void insertAudits(List<AuditRow> rows) {
        PreparedBatch b = h().prepareBatch(INSERT_AUDIT);
        for (AuditRow a : rows) {
            b.add(millis(a.at()), a.actorTokenId(), a.actorUser(), a.orgId(), a.action(), a.target(), a.outcome(),
                    a.reason());
        }
        if (!rows.isEmpty()) {
            b.execute();
        }
    }

    @Override
    default long countAudit(AuditFilter f, int atMost) {
        if (f.orgIds().isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        String where = auditWhere(f, args);
        args.add(atMost);
        Query q = h().createQuery("SELECT count(*) FROM (SELECT 1 FROM audit WHERE " + where + " LIMIT ?) x");
        bindAll(q, 0, args);
        return q.mapTo(Long.class).one();
    }

    @Override
    default List<AuditRow> audit(AuditFilter f) {
        if (f.orgIds().isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT seq, at, actor_token_id, actor_user, org_id, action, target,"
                + " outcome, reason FROM audit WHERE ").append(auditWhere(f, args));
        if (f.afterSeq() != null) {
            sql.append(f.newestFirst() ? " AND seq < ?" : " AND seq > ?");
            args.add(f.afterSeq());
        }
        sql.append(f.newestFirst() ? " ORDER BY seq DESC LIMIT ?" : " ORDER BY seq LIMIT ?");
        args.add(f.limit());
        Query q = h().createQuery(sql.toString());
        bindAll(q, 0, args);
        return q.map((rs, ctx) -> new AuditRow(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9))).list();
    }

    /** The events {@code f} selects but its page: the caller's orgs and the filters. */
    private static String auditWhere(AuditFilter f, List<Object> args) {
        StringBuilder sql = new StringBuilder("org_id IN (" + placeholders(f.orgIds().size()) + ")");
        args.addAll(f.orgIds());
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
        return sql.toString();
    }
}
