package io.tokenctl.store;

import static io.tokenctl.store.Columns.bindAll;
import static io.tokenctl.store.Columns.instant;
import static io.tokenctl.store.Columns.millis;
import static io.tokenctl.store.Columns.placeholders;

import io.tokenctl.core.port.DirectoryRows;
import io.tokenctl.core.port.Rows.MemberRow;
import io.tokenctl.core.port.Rows.OrgRow;
import io.tokenctl.core.port.Rows.UserRow;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.Query;

/** Orgs, users and memberships, in SQL. */
interface DirectorySql extends DirectoryRows, Statements {
    String MEMBER_COLUMNS = "SELECT m.user_id, u.name, m.org_id, o.name, m.role FROM memberships m"
            + " JOIN users u ON u.id = m.user_id JOIN orgs o ON o.id = m.org_id";

    @Override
    default void insertOrg(OrgRow org) {
        h().createUpdate("INSERT INTO orgs (id, name, created_at) VALUES (?, ?, ?)")
                .bind(0, org.id()).bind(1, org.name()).bind(2, millis(org.createdAt())).execute();
    }

    @Override
    default Optional<OrgRow> findOrgByName(String name) {
        return h().createQuery("SELECT id, name, created_at FROM orgs WHERE name = ?").bind(0, name)
                .map((rs, ctx) -> new OrgRow(rs.getString(1), rs.getString(2), instant(rs, 3))).findOne();
    }

    @Override
    default Optional<OrgRow> findOrg(String id) {
        return h().createQuery("SELECT id, name, created_at FROM orgs WHERE id = ?").bind(0, id)
                .map((rs, ctx) -> new OrgRow(rs.getString(1), rs.getString(2), instant(rs, 3))).findOne();
    }

    @Override
    default int countOrgs() {
        return h().createQuery("SELECT count(*) FROM orgs").mapTo(Integer.class).one();
    }

    @Override
    default void insertUser(UserRow user) {
        h().createUpdate("INSERT INTO users (id, name, created_at) VALUES (?, ?, ?)")
                .bind(0, user.id()).bind(1, user.name()).bind(2, millis(user.createdAt())).execute();
    }

    @Override
    default Optional<UserRow> findUserByName(String name) {
        return h().createQuery("SELECT id, name, created_at FROM users WHERE name = ? AND deleted_at IS NULL")
                .bind(0, name).map((rs, ctx) -> new UserRow(rs.getString(1), rs.getString(2), instant(rs, 3))).findOne();
    }

    @Override
    default Optional<UserRow> findUser(String id) {
        return h().createQuery("SELECT id, name, created_at FROM users WHERE id = ? AND deleted_at IS NULL")
                .bind(0, id).map((rs, ctx) -> new UserRow(rs.getString(1), rs.getString(2), instant(rs, 3))).findOne();
    }

    @Override
    default void markUserDeleted(String userId, Instant at) {
        h().createUpdate("UPDATE users SET deleted_at = ? WHERE id = ?").bind(0, millis(at)).bind(1, userId).execute();
    }

    @Override
    default void insertMembership(String userId, String orgId, String role) {
        h().createUpdate("INSERT INTO memberships (user_id, org_id, role) VALUES (?, ?, ?)")
                .bind(0, userId).bind(1, orgId).bind(2, role).execute();
    }

    @Override
    default void deleteMembership(String userId, String orgId) {
        h().createUpdate("DELETE FROM memberships WHERE user_id = ? AND org_id = ?").bind(0, userId).bind(1, orgId)
                .execute();
    }

    @Override
    default void deleteMemberships(String userId) {
        h().createUpdate("DELETE FROM memberships WHERE user_id = ?").bind(0, userId).execute();
    }

    @Override
    default List<MemberRow> memberships(String userId) {
        return h().createQuery(MEMBER_COLUMNS + " WHERE m.user_id = ? ORDER BY o.name").bind(0, userId)
                .map((rs, ctx) -> memberRow(rs)).list();
    }

    @Override
    default List<MemberRow> members(Collection<String> orgIds) {
        if (orgIds.isEmpty()) {
            return List.of();
        }
        Query q = h().createQuery(MEMBER_COLUMNS + " WHERE m.org_id IN (" + placeholders(orgIds.size()) + ")"
                + " ORDER BY o.name, u.name");
        bindAll(q, 0, orgIds);
        return q.map((rs, ctx) -> memberRow(rs)).list();
    }

    @Override
    default int countAdmins(String orgId) {
        return h().createQuery("SELECT count(*) FROM memberships WHERE org_id = ? AND role = 'admin'").bind(0, orgId)
                .mapTo(Integer.class).one();
    }

    private static MemberRow memberRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new MemberRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }
}
