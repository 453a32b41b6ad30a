package io.tokenctl.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.PgCluster;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.CreateUser;
import io.tokenctl.api.Requests.DeleteUser;
import io.tokenctl.api.Requests.ListAudit;
import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.Requests.Regenerate;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.Results.SigningKey;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.Role;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.api.TokenService;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several serve instances on one PostgreSQL: a revocation through one is honoured by the others within a second
 * (with the listener alive, and after its connection was killed), creates through both land once each, three
 * instances starting at once migrate once, and use counts add up.
 */
class ScaleOutTest {
    static final Permission RB = Permission.parse("read:buckets");
    static final Duration BOUND = Duration.ofSeconds(1);

    private String db;
    private Instance a;
    private Instance b;
    private String adminSecret;
    private TokenService adminA;

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        db = PgCluster.get().newDatabase();
        a = new Instance(db);
        b = new Instance(db);
        adminSecret = a.as(null).setup(new Setup("admin", "acme", false)).token().secret();
        adminA = a.as(adminSecret);
    }

    @AfterEach
    void stop() {
        b.close();
        a.close();
    }

    private CreatedToken reader() {
        return adminA.create(new CreateToken("reader", null, null, false, false, false, List.of(RB), null, null, null,
                null, null));
    }

    private static Verification verify(Instance at, String secret) {
        return at.as(null).verify(new Verify(secret, null, null, List.of(RB), null));
    }

    /** How long after {@code change} (made through A) B refuses the secret, which B had cached as active. */
    private Duration refusedByBAfter(String secret, Runnable change) throws InterruptedException {
        assertTrue(verify(b, secret).active());
        assertTrue(verify(b, secret).active(), "the second verify is answered from B's cache");
        change.run();
        long since = System.nanoTime();
        while (System.nanoTime() - since < BOUND.toNanos() * 3) {
            if (!verify(b, secret).active()) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
            Thread.sleep(5);
        }
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private static void assertWithinBound(Duration lag, String what) {
        assertTrue(lag.compareTo(BOUND) <= 0, what + " through A was honoured by B only after " + lag.toMillis() + " ms");
    }

    @Test
    void aRetireThroughAIsRefusedByBWithinOneSecond() throws Exception {
        CreatedToken t = reader();
        long evictedBefore = b.engine.stats().cacheEvictions();
        assertWithinBound(refusedByBAfter(t.secret(), () -> adminA.retire(t.token().id())), "a retire");
        assertTrue(b.engine.stats().cacheEvictions() > evictedBefore, "B heard of the retired token by name");
    }

    @Test
    void everyKindOfRevocationThroughAIsHonouredByB() throws Exception {
        record Case(String what, CreatedToken token, Runnable change) {
        }
        List<Case> cases = new ArrayList<>();
        CreatedToken deactivated = reader();
        cases.add(new Case("a deactivate", deactivated, () -> adminA.deactivate(deactivated.token().id())));
        CreatedToken regenerated = reader();
        cases.add(new Case("a regenerate without grace", regenerated, () -> adminA.regenerate(
                new Regenerate(regenerated.token().id(), null, null, false))));
        CreatedToken deleted = reader();
        cases.add(new Case("a delete", deleted, () -> adminA.delete(deleted.token().id())));
        adminA.createUser(new CreateUser("bob", "acme", Role.NORMAL));
        CreatedToken bobs = adminA.create(new CreateToken("bob's", "bob", null, false, false, false, List.of(RB), null,
                null, null, null, null));
        cases.add(new Case("a user delete", bobs, () -> adminA.deleteUser(new DeleteUser("bob", null))));
        CreatedToken jwt = adminA.create(new CreateToken("jwt", null, null, false, false, false, List.of(RB), null,
                TokenFormat.JWT, null, null, null));
        String oldKid = adminA.orgKeys("acme").get(0).kid();
        cases.add(new Case("a signing key's removal", jwt, () -> {
            SigningKey next = adminA.rotateOrgKey("acme");
            assertFalse(next.kid().equals(oldKid));
            adminA.removeOrgKey("acme", oldKid);
        }));
        for (Case c : cases) {
            assertWithinBound(refusedByBAfter(c.token().secret(), c.change()), c.what());
        }
    }

    @Test
    void afterItsListenersConnectionIsKilledBStillHonoursARetireWithinOneSecond() throws Exception {
        CreatedToken first = reader();
        assertTrue(verify(b, first.secret()).active());
        assertEquals(2, terminateListeners(), "A's and B's listeners");
        assertWithinBound(refusedByBAfter(first.secret(), () -> adminA.retire(first.token().id())),
                "a retire while B's listener was down");
        // and once it listens again, by notification
        waitForListeners(2);
        CreatedToken second = reader();
        assertWithinBound(refusedByBAfter(second.secret(), () -> adminA.retire(second.token().id())),
                "a retire after B listened again");
    }

    private int terminateListeners() throws Exception {
        try (Connection c = PgCluster.get().superuser("postgres"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE datname = '" + PgCluster.databaseOf(db) + "' AND application_name = 'tokenctl listener'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void waitForListeners(int n) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Connection c = PgCluster.get().superuser("postgres"); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = '"
                            + PgCluster.databaseOf(db) + "' AND application_name = 'tokenctl listener'")) {
                rs.next();
                if (rs.getInt(1) == n) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the listeners did not come back");
    }

    @Test
    void concurrentCreatesThroughTwoInstancesEachLandOnceWithTheirAuditRow() throws Exception {
        TokenService adminB = b.as(adminSecret);
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<String>>> made = new ArrayList<>();
        try {
            for (TokenService via : List.of(adminA, adminA, adminB, adminB)) {
                made.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        ids.add(via.create(new CreateToken("c" + i, null, null, false, false, false, List.of(RB), null,
                                null, null, null, null)).token().id());
                    }
                    return ids;
                }));
            }
            Set<String> ids = new HashSet<>();
            for (Future<List<String>> f : made) {
                ids.addAll(f.get());
            }
            assertEquals(4 * perThread, ids.size(), "every create got an id of its own");
            Set<String> listed = new HashSet<>();
            String after = null;
            do {
                var page = adminA.list(new ListTokens(null, null, null, null, 100, after));
                page.tokens().forEach(t -> listed.add(t.id()));
                after = page.next();
            } while (after != null);
            assertTrue(listed.containsAll(ids));
            assertEquals(4 * perThread + 1, listed.size(), "the creates and the operator token, none twice");
            long created = 0;
            Long cursor = null;
            do {
                var page = adminA.audit(new ListAudit(null, null, null, 500, cursor));
                created += page.events().stream().filter(e -> e.action().equals("create")
                        && ids.contains(e.target())).count();
                cursor = page.next();
            } while (cursor != null);
            assertEquals(4 * perThread, created, "one audit row per create");
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void usesVerifiedThroughTwoInstancesAddUp() throws Exception {
        CreatedToken t = reader();
        for (int i = 0; i < 30; i++) {
            assertTrue(verify(a, t.secret()).active());
        }
        for (int i = 0; i < 20; i++) {
            assertTrue(verify(b, t.secret()).active());
        }
        b.close();
        b = new Instance(db);
        a.engine.flushUsage();
        assertEquals(50, adminA.show(t.token().id()).useCount());
    }

    @Test
    void threeInstancesStartingAtOnceOnAnEmptyDatabaseMigrateOnce() throws Exception {
        String fresh = PgCluster.get().newDatabase();
        CyclicBarrier together = new CyclicBarrier(3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Instance>> started = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                started.add(pool.submit(() -> {
                    together.await();
                    return new Instance(fresh);
                }));
            }
            for (Future<Instance> f : started) {
                instances.add(f.get());
            }
            try (Connection c = PgCluster.get().superuser(PgCluster.databaseOf(fresh)); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*), max(version) FROM tokenctl_schema")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
                assertEquals(5, rs.getInt(2), "the latest schema");
            }
            String secret = instances.get(0).as(null).setup(new Setup("admin", "acme", false)).token().secret();
            for (Instance i : instances) {
                assertEquals("admin", i.as(secret).me().name());
            }
        } finally {
            pool.shutdown();
            instances.forEach(Instance::close);
        }
    }
}
