package io.tokenctl.store;

import io.tokenctl.core.port.StoreTx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's warm-up touches no file, and a store opened while it runs works as usual. */
class StoreWarmUpTest {
    @TempDir
    Path dir;

    @Test
    void warmUpWritesNoFileAndOverlapsAnOpen() throws Exception {
        Thread warm = new Thread(SqliteStore::warmUp);
        warm.start();
        Path file = dir.resolve("s.db");
        try (SqliteStore store = SqliteStore.open(file, true)) {
            assertEquals(0, store.read(StoreTx::countOrgs));
        }
        warm.join();
        SqliteStore.warmUp();
        assertFalse(Files.exists(Path.of(":memory:")), "an in-memory database, not a file named :memory:");
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(p -> !p.getFileName().toString().startsWith("s.db-")).count());
        }
    }
}
