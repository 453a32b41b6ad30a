package io.tokenctl.store;

import io.tokenctl.core.port.Storage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.io.TempDir;

/** The store contract over an SQLite file. */
class SqliteStoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    protected Storage open() {
        return SqliteStore.open(dir.resolve("tokenctl.db"), true);
    }

    @Override
    protected Storage openAgain() {
        return SqliteStore.open(dir.resolve("tokenctl.db"), false);
    }

    @Override
    protected void executeBehindItsBack(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tokenctl.db"));
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
