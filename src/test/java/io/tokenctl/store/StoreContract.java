package io.tokenctl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.api.AppState;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.Permission;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Changes;
import io.tokenctl.core.port.Rows.AuditFilter;
import io.tokenctl.core.port.Rows.AuditRow;
import io.tokenctl.core.port.Rows.MemberRow;
import io.tokenctl.core.port.Rows.OrgRow;
import io.tokenctl.core.port.Rows.SecretRow;
import io.tokenctl.core.port.Rows.TokenFilter;
import io.tokenctl.core.port.Rows.TokenRow;
import io.tokenctl.core.port.Rows.UseRow;
import io.tokenctl.core.port.Rows.UserRow;
import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.StoreTx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store holds to, whatever the database: the schema's own rules (append-only audit, no un-retire, no
 * demotion), writes all or nothing and never interleaved, use counts from several connections adding up, byte
 * order for names and ids, and a change counter that moves when another connection commits. Run over an SQLite
 * file and over PostgreSQL.
 */
abstract class StoreContract {
    static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    static final String ORG = "0000000000000a01";
    static final String USER = "0000000000000b01";

    protected Storage store;

    /** Opens the store under test, made new for this test. */
    protected abstract Storage open();

    /** Another connection to the same store: another process, or another serve instance. */
    protected abstract Storage openAgain();

    /** Runs {@code sql} on a connection of its own, behind the store's back (as an operator's SQL shell would). */
    protected abstract void executeBehindItsBack(String sql) throws Exception;

    @BeforeEach
    void given() {
        store = open();
        store.write(tx -> {
            tx.insertOrg(new OrgRow(ORG, "acme", T0));
            tx.insertUser(new UserRow(USER, "ann", T0));
            tx.insertMembership(USER, ORG, "admin");
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    static TokenRow token(String id, TokenStatus status) {
        return new TokenRow(id, TokenKind.USER, USER, "ann", ORG, "acme", false, List.of(ORG), "t " + id, status,
                null, List.of(Permission.parse("read:buckets")), null, null, T0, T0, USER, null, TokenFormat.OPAQUE,
                AppState.ALLOW, List.of(), false, 0, null, null, null, List.of(), null, false);
    }

    private void insert(String id, TokenStatus status) {
        store.write(tx -> {
            tx.insertToken(token(id, status));
            tx.insertSecret(new SecretRow("hash-" + id, id, null));
            return null;
        });
    }

    @Test
    void aTokenComesBackAsItWasWritten() {
        insert("0000000000000c01", TokenStatus.ACTIVE);
        TokenRow row = store.read(tx -> tx.findToken("0000000000000c01")).orElseThrow();
        assertEquals("t 0000000000000c01", row.description());
        assertEquals(List.of(ORG), row.scopeOrgIds());
        assertEquals("hash-0000000000000c01", row.hash());
        assertEquals("ann", row.userName());
        assertEquals("acme", row.orgName());
        assertEquals(T0, row.createdAt());
        assertEquals(List.of(Permission.parse("read:buckets")), row.permissions());
    }

    @Test
    void aRetiredTokenCannotComeBackEvenThroughTheStore() {
        insert("0000000000000c02", TokenStatus.ACTIVE);
        store.write(tx -> {
            tx.setStatus("0000000000000c02", TokenStatus.RETIRED, "gone", T0);
            return null;
        });
        TokenctlException e = assertThrows(TokenctlException.class, () -> store.write(tx -> {
            tx.setStatus("0000000000000c02", TokenStatus.ACTIVE, null, T0);
            return null;
        }));
        assertTrue(e.getMessage().contains("a retired token cannot come back"), e.getMessage());
        assertEquals(TokenStatus.RETIRED, store.read(tx -> tx.findToken("0000000000000c02")).orElseThrow().status());
    }

    @Test
    void anAccountTokenCannotBeDemoted() throws Exception {
        insert("0000000000000c03", TokenStatus.ACTIVE);
        store.write(tx -> {
            tx.promote("0000000000000c03", T0);
            return null;
        });
        assertThrows(Exception.class, () -> executeBehindItsBack("UPDATE tokens SET kind = 'user'"));
        assertEquals(TokenKind.ACCOUNT, store.read(tx -> tx.findToken("0000000000000c03")).orElseThrow().kind());
    }

    @Test
    void theAuditLogIsAppendOnlyEvenBehindTokenctlsBack() throws Exception {
        store.write(tx -> {
            tx.insertAudit(new AuditRow(null, T0, null, "ann", ORG, "token.create", "token:x", "allowed", null));
            tx.insertAudit(new AuditRow(null, T0, null, "ann", ORG, "token.retire", "token:x", "allowed", null));
            return null;
        });
        assertThrows(Exception.class, () -> executeBehindItsBack("UPDATE audit SET outcome = 'denied'"));
        assertThrows(Exception.class, () -> executeBehindItsBack("DELETE FROM audit"));
        List<AuditRow> rows = store.read(tx -> tx.audit(new AuditFilter(List.of(ORG), null, null, null, null, 10, false)));
        assertEquals(List.of("token.create", "token.retire"), rows.stream().map(AuditRow::action).toList());
        assertTrue(rows.get(0).seq() < rows.get(1).seq());
        List<AuditRow> after = store.read(tx -> tx.audit(new AuditFilter(List.of(ORG), null, null, null,
                rows.get(0).seq(), 10, false)));
        assertEquals(List.of("token.retire"), after.stream().map(AuditRow::action).toList());
        List<AuditRow> back = store.read(tx -> tx.audit(new AuditFilter(List.of(ORG), null, null, null, null, 10, true)));
        assertEquals(List.of("token.retire", "token.create"), back.stream().map(AuditRow::action).toList());
        List<AuditRow> before = store.read(tx -> tx.audit(new AuditFilter(List.of(ORG), null, null, null,
                rows.get(1).seq(), 10, true)));
        assertEquals(List.of("token.create"), before.stream().map(AuditRow::action).toList());
        assertEquals(2L, (long) store.read(tx -> tx.countAudit(new AuditFilter(List.of(ORG), null, null, null,
                rows.get(1).seq(), 1, true), 100)), "a count ignores the page");
        assertEquals(1L, (long) store.read(tx -> tx.countAudit(new AuditFilter(List.of(ORG), null, null, null, null, 10, false), 1)),
                "and stops where it is told");
    }

    @Test
    void aRehearsedWriteReadsButChangesNothingAndTheWriteAfterItLands() {
        store.rehearse(tx -> {
            tx.countOrgs();
            tx.insertOrg(new OrgRow("0000000000000a03", "rehearsed", T0));
            tx.insertOrg(new OrgRow("0000000000000a04", "rehearsed too", T0));
            return null;
        });
        assertEquals(1, store.read(StoreTx::countOrgs), "a rehearsal wrote");
        store.write(tx -> {
            tx.insertOrg(new OrgRow("0000000000000a03", "real", T0));
            return null;
        });
        assertEquals(2, store.read(StoreTx::countOrgs), "the write after a rehearsal did not land");
    }

    @Test
    void aWriteThatFailsHalfWayLeavesNothing() {
        assertThrows(IllegalStateException.class, () -> store.write(tx -> {
            tx.insertOrg(new OrgRow("0000000000000a02", "half", T0));
            throw new IllegalStateException("fails after its first statement");
        }));
        assertEquals(1, store.read(StoreTx::countOrgs));
    }

    @Test
    void namesAndIdsSortByteByByteAsInSqlite() {
        store.write(tx -> {
            for (String name : List.of("zed", "Zed", "_x", "alpha", "Alpha")) {
                String id = String.format("0000000000000%03x", name.hashCode() & 0xfff);
                tx.insertUser(new UserRow(id, name, T0));
                tx.insertMembership(id, ORG, "normal");
            }
            return null;
        });
        List<String> names = store.read(tx -> tx.members(List.of(ORG))).stream().map(MemberRow::userName).toList();
        assertEquals(List.of("Alpha", "Zed", "_x", "alpha", "ann", "zed"), names);
        for (String id : List.of("00000000000000fa", "0000000000000a10", "000000000000009b")) {
            insert(id, TokenStatus.ACTIVE);
        }
        List<String> page = store.read(tx -> tx.listTokens(new TokenFilter(List.of(ORG), null, List.of(), null, null,
                null, null, T0, "000000000000009b", 10))).stream().map(TokenRow::id).toList();
        assertEquals(List.of("00000000000000fa", "0000000000000a10"), page);
    }

    @Test
    void writesOfTwoConnectionsNeverInterleave() throws Exception {
        // each write reads how many orgs there are and adds the next: interleaved, two would add the same name
        try (Storage other = openAgain()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (Storage s : List.of(store, other)) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            s.write(tx -> {
                                int n = tx.countOrgs();
                                tx.insertOrg(new OrgRow(String.format("%016x", 0x1000 + n), "org" + n, T0));
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
        }
        assertEquals(51, store.read(StoreTx::countOrgs));
    }

    @Test
    void usesRecordedThroughTwoConnectionsAddUp() {
        insert("0000000000000c04", TokenStatus.ACTIVE);
        try (Storage other = openAgain()) {
            for (int i = 0; i < 5; i++) {
                Instant at = T0.plusSeconds(i);
                store.write(tx -> {
                    tx.recordUses(List.of(new UseRow("0000000000000c04", 3, at, "10.0.0.1", null)));
                    return null;
                });
                other.write(tx -> {
                    tx.recordUses(List.of(new UseRow("0000000000000c04", 4, at.minusMillis(500), "10.0.0.2", null)));
                    return null;
                });
            }
        }
        TokenRow row = store.read(tx -> tx.findToken("0000000000000c04")).orElseThrow();
        assertEquals(35, row.verifyCount());
        assertEquals(T0.plusSeconds(4), row.lastUsedAt());
        assertEquals("10.0.0.1", row.lastUsedIp(), "the last use moves only forward");
    }

    @Test
    void aUseByAnAppMovesItsLastSeenOnlyForward() {
        insert("0000000000000c06", TokenStatus.ACTIVE);
        store.write(tx -> {
            tx.insertAppIfAbsent("0000000000000c06", "grafana", AppState.ALLOW, T0);
            tx.recordUses(List.of(new UseRow("0000000000000c06", 2, T0.plusSeconds(60), "10.0.0.1", "grafana")));
            tx.recordUses(List.of(new UseRow("0000000000000c06", 1, T0.plusSeconds(30), "10.0.0.2", "grafana")));
            return null;
        });
        var app = store.read(tx -> tx.findApp("0000000000000c06", "grafana")).orElseThrow();
        assertEquals(T0, app.firstSeen());
        assertEquals(T0.plusSeconds(60), app.lastSeen());
        TokenRow row = store.read(tx -> tx.findToken("0000000000000c06")).orElseThrow();
        assertEquals(3, row.verifyCount());
        assertEquals("grafana", row.lastUsedApp());
        assertEquals("10.0.0.1", row.lastUsedIp());
    }

    @Test
    void aChangeCommittedThroughAnotherConnectionMovesTheCounter() throws Exception {
        insert("0000000000000c05", TokenStatus.ACTIVE);
        Changes changes = store.changes();
        long before = settled(changes);
        try (Storage other = openAgain()) {
            other.write(tx -> {
                tx.setStatus("0000000000000c05", TokenStatus.RETIRED, "leaked", T0);
                return null;
            });
        }
        assertTrue(changedWithin(changes, before, Duration.ofSeconds(1)) || evictedHere(),
                "a retirement through another connection must reach this one's cache within a second");
    }

    /** The counter once it is known (a store that polls may need a moment after opening). */
    protected long settled(Changes changes) throws InterruptedException {
        long v = changes.version();
        for (int i = 0; i < 40 && v == Changes.UNKNOWN; i++) {
            Thread.sleep(50);
            v = changes.version();
        }
        assertNotEquals(Changes.UNKNOWN, v);
        return v;
    }

    private static boolean changedWithin(Changes changes, long before, Duration bound) throws InterruptedException {
        long end = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < end) {
            long v = changes.version();
            if (v != Changes.UNKNOWN && v != before) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    /** Whether the store told this connection's cache of the one token instead (a store that is told does). */
    protected boolean evictedHere() {
        return false;
    }

    @Test
    void aFailureIsOneLineAndNamesTheStore() {
        TokenctlException e = assertThrows(TokenctlException.class, () -> store.write(tx -> {
            tx.insertOrg(new OrgRow(ORG, "again", T0));
            return null;
        }));
        assertEquals(ErrorCode.FAILURE, e.code());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
