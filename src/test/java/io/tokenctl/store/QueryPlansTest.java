package io.tokenctl.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.core.port.Rows.OrgRow;
import io.tokenctl.core.port.Rows.UserRow;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookups stay index-driven, so a store of a million tokens answers as fast as one of a thousand (issue 6, P4). */
class QueryPlansTest {
    @TempDir
    Path dir;

    @Test
    void hotPathsUseIndexesAndNeverSortOrScanTokens() {
        try (SqliteStore store = SqliteStore.open(dir.resolve("s.db"), true)) {
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            store.write(tx -> {
                tx.insertOrg(new OrgRow("00000000000000a1", "acme", now));
                tx.insertUser(new UserRow("00000000000000b1", "alice", now));
                return null;
            });
            Map<String, List<String>> plans = store.read(tx -> QueryPlans.of((JdbiTx) tx, "00000000000000a1",
                    "00000000000000b1", "00000000000000c1"));
            plans.forEach((what, plan) -> assertTrue(QueryPlans.indexDriven(plan), what + ": " + plan));
        }
    }
}
