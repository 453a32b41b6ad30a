package io.tokenctl.store;

import static io.tokenctl.store.Columns.instant;
import static io.tokenctl.store.Columns.millis;

import io.tokenctl.core.port.KeyRows;
import io.tokenctl.core.port.Rows.OrgKeyRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Orgs' signing keys, in SQL. */
interface KeySql extends KeyRows, Statements {
    @Override
    default void insertOrgKey(OrgKeyRow k) {
        h().createUpdate("INSERT INTO org_keys (kid, org_id, private_key, public_key, created_at) VALUES (?, ?, ?, ?, ?)")
                .bind(0, k.kid()).bind(1, k.orgId()).bind(2, k.privateKey()).bind(3, k.publicKey())
                .bind(4, millis(k.createdAt())).execute();
    }

    @Override
    default List<OrgKeyRow> orgKeys(String orgId) {
        return h().createQuery("SELECT kid, org_id, private_key, public_key, created_at FROM org_keys WHERE org_id = ?"
                + " ORDER BY created_at DESC, kid DESC").bind(0, orgId).map((rs, ctx) -> orgKeyRow(rs)).list();
    }

    @Override
    default Optional<OrgKeyRow> findOrgKey(String kid) {
        return h().createQuery("SELECT kid, org_id, private_key, public_key, created_at FROM org_keys WHERE kid = ?")
                .bind(0, kid).map((rs, ctx) -> orgKeyRow(rs)).findOne();
    }

    @Override
    default void deleteOrgKey(String kid) {
        h().createUpdate("DELETE FROM org_keys WHERE kid = ?").bind(0, kid).execute();
    }

    private static OrgKeyRow orgKeyRow(ResultSet rs) throws SQLException {
        return new OrgKeyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5));
    }
}
