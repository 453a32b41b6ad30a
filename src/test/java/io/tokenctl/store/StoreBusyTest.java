package io.tokenctl.store;

import io.tokenctl.core.port.StoreTx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Rows.OrgRow;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that found the store busy leaves the connection as it was: every later write all or nothing. */
class StoreBusyTest {
    @TempDir
    Path dir;

    @Test
    void afterAWriteThatFoundTheStoreBusyTheNextWritesAreStillAllOrNothing() throws Exception {
        Path file = dir.resolve("s.db");
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        try (SqliteStore store = SqliteStore.open(file, true)) {
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                TokenctlException busy = assertThrows(TokenctlException.class, () -> store.write(tx -> null, java.time.Duration.ofMillis(100)));
                assertEquals("store " + file + " stayed busy: another process holds its write lock; try again",
                        busy.getMessage());
                st.execute("ROLLBACK");
            }
            // a write that fails half way leaves nothing behind (before the fix, its insert stayed)
            assertThrows(IllegalStateException.class, () -> store.write(tx -> {
                tx.insertOrg(new OrgRow("0000000000000001", "half", now));
                throw new IllegalStateException("fails after its first statement");
            }));
            assertEquals(0, store.read(StoreTx::countOrgs));
            store.write(tx -> {
                tx.insertOrg(new OrgRow("0000000000000002", "whole", now));
                return null;
            });
            assertEquals(1, store.read(StoreTx::countOrgs));
        }
        try (SqliteStore again = SqliteStore.open(file, false)) {
            assertEquals(1, again.read(StoreTx::countOrgs), "the committed write is in the file");
        }
    }
}
