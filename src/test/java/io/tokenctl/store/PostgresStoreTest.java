package io.tokenctl.store;

import io.tokenctl.PgCluster;
import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.StoreAddress;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The store contract over PostgreSQL (a fresh database per test). */
class PostgresStoreTest extends StoreContract {
    private String url;
    private final Set<String> evicted = ConcurrentHashMap.newKeySet();

    @Override
    protected Storage open() {
        url = PgCluster.get().newDatabase();
        Storage s = PostgresStore.open(StoreAddress.database(url, null), Duration.ofSeconds(5));
        s.changes().onTokenChanged(evicted::add);
        return s;
    }

    @Override
    protected Storage openAgain() {
        return PostgresStore.open(StoreAddress.database(url, null), Duration.ofSeconds(5));
    }

    @Override
    protected void executeBehindItsBack(String sql) throws Exception {
        try (Connection c = PgCluster.get().superuser(PgCluster.databaseOf(url)); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    protected boolean evictedHere() {
        return evicted.contains("0000000000000c05");
    }

    @org.junit.jupiter.api.Test
    void aWriteThatWaitsTooLongForTheWriteLockIsUnavailableAndWritesNothing() throws Exception {
        try (Connection other = PgCluster.get().superuser(PgCluster.databaseOf(url));
                Statement st = other.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + PostgresStore.WRITE_LOCK + ")");
            long start = System.nanoTime();
            io.tokenctl.api.TokenctlException busy = org.junit.jupiter.api.Assertions.assertThrows(
                    io.tokenctl.api.TokenctlException.class, () -> store.write(tx -> {
                        tx.insertOrg(new io.tokenctl.core.port.Rows.OrgRow("0000000000000a09", "late", T0));
                        return null;
                    }, Duration.ofMillis(300)));
            long ms = (System.nanoTime() - start) / 1_000_000;
            org.junit.jupiter.api.Assertions.assertEquals(io.tokenctl.api.ErrorCode.UNAVAILABLE, busy.code());
            org.junit.jupiter.api.Assertions.assertTrue(busy.getMessage().contains("stayed busy"), busy.getMessage());
            org.junit.jupiter.api.Assertions.assertTrue(ms >= 250 && ms < 5000, "waited " + ms + " ms");
            st.execute("SELECT pg_advisory_unlock(" + PostgresStore.WRITE_LOCK + ")");
        }
        org.junit.jupiter.api.Assertions.assertEquals(1, store.read(io.tokenctl.core.port.StoreTx::countOrgs));
    }

    /** A write of many rows bumps the change counter once, not once per row (a bulk write was quadratic). */
    @org.junit.jupiter.api.Test
    void aBulkWriteMovesTheChangeCounterOnce() throws Exception {
        store.write(tx -> {
            tx.insertOrg(new io.tokenctl.core.port.Rows.OrgRow("00000000000b0001", "bulk", T0));
            for (int i = 0; i < 2000; i++) {
                tx.insertUser(new io.tokenctl.core.port.Rows.UserRow(String.format("%016x", 0xb10000 + i), "bulk" + i, T0));
            }
            return null;
        });
        long before = counter();
        store.write(tx -> {
            for (int i = 0; i < 2000; i++) {
                tx.insertMembership(String.format("%016x", 0xb10000 + i), "00000000000b0001", "normal");
            }
            return null;
        });
        org.junit.jupiter.api.Assertions.assertEquals(before + 1, counter(), "one transaction, one change");
    }

    /** A database the previous release left at schema 3 moves to 4: its store gets an id, its changes are heard. */
    @org.junit.jupiter.api.Test
    void aSchemaThreeDatabaseUpgradesAndItsChangesAreHeardOnItsOwnChannel() throws Exception {
        String old = PgCluster.get().newDatabase();
        try (Connection c = PgCluster.get().superuser(PgCluster.databaseOf(old)); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE tokenctl_schema (version INTEGER NOT NULL)");
            st.execute("INSERT INTO tokenctl_schema (version) VALUES (3)");
            for (int v = 1; v <= 3; v++) {
                for (String script : Migrations.scripts(Dialect.POSTGRESQL, v)) {
                    st.execute(script);
                }
            }
        }
        Set<String> heard = ConcurrentHashMap.newKeySet();
        try (Storage s = PostgresStore.open(StoreAddress.database(old, null), Duration.ofSeconds(5))) {
            s.changes().onTokenChanged(heard::add);
            try (Connection c = PgCluster.get().superuser(PgCluster.databaseOf(old)); Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT version, length(store_id) FROM tokenctl_schema,"
                            + " tokenctl_changes")) {
                rs.next();
                org.junit.jupiter.api.Assertions.assertEquals(Migrations.LATEST, rs.getInt(1));
                org.junit.jupiter.api.Assertions.assertEquals(32, rs.getInt(2));
            }
            s.write(tx -> {
                tx.insertOrg(new io.tokenctl.core.port.Rows.OrgRow(ORG, "acme", T0));
                tx.insertUser(new io.tokenctl.core.port.Rows.UserRow(USER, "ann", T0));
                tx.insertMembership(USER, ORG, "admin");
                tx.insertToken(token("0000000000000c07", io.tokenctl.api.TokenStatus.ACTIVE));
                return null;
            });
            waitForListener(old);
            s.write(tx -> {
                tx.setStatus("0000000000000c07", io.tokenctl.api.TokenStatus.RETIRED, "leaked", T0);
                return null;
            });
            for (int i = 0; i < 100 && !heard.contains("0000000000000c07"); i++) {
                Thread.sleep(20);
            }
            org.junit.jupiter.api.Assertions.assertTrue(heard.contains("0000000000000c07"),
                    "the retirement was heard on the store's channel: " + heard);
        }
    }

    /** Until the store's listener has said LISTEN (it starts on a thread of its own). */
    private static void waitForListener(String db) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Connection c = PgCluster.get().superuser(PgCluster.databaseOf(db)); Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                            + PgCluster.databaseOf(db) + "' AND application_name = 'tokenctl listener'"
                            + " AND query LIKE 'LISTEN%'")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the listener never listened");
    }

    private long counter() throws Exception {
        try (Connection c = PgCluster.get().superuser(PgCluster.databaseOf(url)); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT counter FROM tokenctl_changes")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
