package io.tokenctl.store;

import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.Storage.Copied;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Every row of one store into another that holds none, table by table in the order their references need: one
 * read of the source inside its write lock (so nothing changes underneath), one write transaction on the target
 * (all of it or none of it). Rows go as they are: ids, secret hashes, audit sequence numbers, use counts.
 */
final class StoreCopy {
    /** A table, the name its rows go by, and its columns (the schema both stores are at). */
    private record Table(String name, String what, String columns, String order) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("orgs", "orgs", "id, name, created_at", "id"),
            new Table("users", "users", "id, name, created_at, deleted_at", "id"),
            new Table("memberships", "memberships", "user_id, org_id, role", "user_id, org_id"),
            new Table("tokens", "tokens", "id, kind, user_id, org_id, all_orgs, description, status, retired_reason,"
                    + " permissions, expires_at, created_at, updated_at, created_by, format, app_default, allow_ips,"
                    + " revoke_on_reuse, verify_count, last_used_at, last_used_ip, last_used_app, deactivated_by,"
                    + " deactivated_above, expires_at_most", "id"),
            new Table("token_orgs", "token org scopes", "token_id, org_id", "token_id, org_id"),
            new Table("token_org_exclusions", "token org exclusions", "token_id, org_id, excluded_at, excluded_by",
                    "token_id, org_id"),
            new Table("token_secrets", "secret hashes", "hash, token_id, not_after", "hash"),
            new Table("token_apps", "apps", "token_id, app, state, first_seen, last_seen", "token_id, app"),
            new Table("org_keys", "signing keys", "kid, org_id, private_key, public_key, created_at", "kid"),
            new Table("audit", "audit events", "seq, at, actor_token_id, actor_user, org_id, action, target, outcome,"
                    + " reason", "seq"));
    private static final int BATCH = 1000;

    private StoreCopy() {
    }

    /** Copies {@code from} into {@code to}; refuses, writing nothing, when {@code to} holds any row. */
    static List<Copied> copy(Storage from, Dialect fromDialect, Storage to, Dialect toDialect) {
        return from.write(src -> to.write(dst -> {
            Handle in = ((JdbiTx) src).h();
            Handle out = ((JdbiTx) dst).h();
            for (Table t : TABLES) {
                if (out.createQuery("SELECT count(*) FROM " + t.name()).mapTo(Long.class).one() > 0) {
                    throw TokenctlException.conflict("the target store is not empty (it has " + t.what() + "); a copy"
                            + " goes into a new store only, and nothing was written");
                }
            }
            List<Copied> copied = new ArrayList<>();
            for (Table t : TABLES) {
                try {
                    long n = copyTable(in, out, t);
                    long there = out.createQuery("SELECT count(*) FROM " + t.name()).mapTo(Long.class).one();
                    if (there != n) {
                        throw TokenctlException.failure("copying " + t.what() + " wrote " + there + " rows of " + n
                                + "; nothing was written", null);
                    }
                    copied.add(new Copied(t.what(), n));
                } catch (SQLException e) {
                    throw failed(t, e);
                }
            }
            if (toDialect == Dialect.POSTGRESQL) {
                // the next audit event the database numbers comes after the copied ones
                out.createQuery("SELECT setval(pg_get_serial_sequence('audit', 'seq'), COALESCE(max(seq), 0) + 1,"
                        + " false) FROM audit").mapTo(Long.class).one();
            }
            return copied;
        }));
    }

    /**
     * Why copying a table failed, without what a batch's message quotes (its statement with every value, private
     * keys and hashes among them): the database's own error, first line, and no cause that would print them.
     */
    private static TokenctlException failed(Table t, SQLException e) {
        SQLException cause = e;
        while (cause instanceof java.sql.BatchUpdateException && cause.getNextException() != null) {
            cause = cause.getNextException();
        }
        String why = cause instanceof java.sql.BatchUpdateException ? "SQLState " + cause.getSQLState()
                : String.valueOf(cause.getMessage()).lines().findFirst().orElse("").strip();
        return new TokenctlException(ErrorCode.FAILURE, "copying " + t.what() + " failed, and nothing was written: "
                + why, cause instanceof java.sql.BatchUpdateException ? null : cause);
    }

    private static long copyTable(Handle in, Handle out, Table t) throws SQLException {
        int columns = t.columns().split(",").length;
        String insert = "INSERT INTO " + t.name() + " (" + t.columns() + ") VALUES ("
                + "?, ".repeat(columns - 1) + "?)";
        long n = 0;
        try (Statement read = in.getConnection().createStatement();
                PreparedStatement write = out.getConnection().prepareStatement(insert)) {
            read.setFetchSize(BATCH);
            try (ResultSet rs = read.executeQuery("SELECT " + t.columns() + " FROM " + t.name() + " ORDER BY "
                    + t.order())) {
                int pending = 0;
                while (rs.next()) {
                    for (int c = 1; c <= columns; c++) {
                        write.setObject(c, rs.getObject(c));
                    }
                    write.addBatch();
                    n++;
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    write.executeBatch();
                }
            }
        }
        return n;
    }
}
