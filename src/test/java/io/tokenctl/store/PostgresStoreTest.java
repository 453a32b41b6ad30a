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
}
