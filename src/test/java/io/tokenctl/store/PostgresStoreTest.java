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
}
