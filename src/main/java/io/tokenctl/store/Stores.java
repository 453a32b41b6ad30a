package io.tokenctl.store;

import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.StoreAddress;
import io.tokenctl.core.port.StoreOpener;
import java.time.Duration;

/** The store adapter: an SQLite file, or a PostgreSQL database by JDBC URL. Found by core through ServiceLoader. */
public final class Stores implements StoreOpener {
    @Override
    public Storage open(StoreAddress where, boolean create, Duration busyWait) {
        if (!where.isFile()) {
            return PostgresStore.open(where, busyWait);
        }
        int busyMillis = (int) Math.min(Integer.MAX_VALUE, busyWait.toMillis());
        return SqliteStore.open(where.file(), create, busyMillis);
    }

    @Override
    public void check(StoreAddress where) {
        if (!where.isFile()) {
            DatabaseUrl.check(where.url());
        }
    }

    /** The dialect of one of this adapter's stores. */
    static Dialect dialectOf(Storage s) {
        if (s instanceof PostgresStore) {
            return Dialect.POSTGRESQL;
        }
        if (s instanceof SqliteStore) {
            return Dialect.SQLITE;
        }
        throw new IllegalArgumentException("not a tokenctl store: " + s.getClass().getName());
    }

    @Override
    public void warmUp() {
        SqliteStore.warmUp();
    }
}
