package io.tokenctl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tokenctl.TestClock;
import io.tokenctl.api.Action;
import io.tokenctl.api.Expiry;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.ResourceType;
import io.tokenctl.api.Token;
import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.StoreAddress;
import io.tokenctl.core.port.StoreOpener;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uses counted without a lock: none lost and none counted twice while flushes run alongside. */
class UsageLogTest {
    @TempDir
    Path dir;

    @Test
    void concurrentUsesAndFlushesAddUpExactly() throws Exception {
        Path file = dir.resolve("s.db");
        TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
        SecureRandom random = new SecureRandom();
        List<String> ids = new ArrayList<>();
        String operator;
        try (LocalTokenService boot = new LocalTokenService(file, null, clock, random)) {
            operator = boot.setup(new Setup("admin", "acme", false)).token().secret();
        }
        try (LocalTokenService admin = new LocalTokenService(file, operator, clock, random)) {
            for (int i = 0; i < 3; i++) {
                ids.add(admin.create(new CreateToken(null, null, null, false, false, false,
                        List.of(Permission.all(Action.READ, ResourceType.BUCKETS)), Expiry.NEVER, null, null, null))
                        .token().id());
            }
        }
        UsageLog log = new UsageLog();
        int threads = 4;
        int uses = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> users = new ArrayList<>();
        try (Storage store = StoreOpener.installed().open(StoreAddress.file(file), false, java.time.Duration.ofSeconds(15))) {
            for (int t = 0; t < threads; t++) {
                int me = t;
                Thread user = new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < uses; i++) {
                        log.record(ids.get(i % ids.size()), Instant.ofEpochMilli(1_800_000_000_000L + i), "10.0.0." + me,
                                null);
                    }
                });
                user.start();
                users.add(user);
            }
            List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread flusher = new Thread(() -> {
                try {
                    while (!done.get()) {
                        log.flush(store, false, Instant.EPOCH, true);
                    }
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                }
            });
            flusher.start();
            start.countDown();
            for (Thread u : users) {
                u.join();
            }
            done.set(true);
            flusher.join();
            assertEquals(List.of(), failures, "flushes alongside the uses all succeed");
            log.flush(store, false, Instant.EPOCH, true);
        }
        try (LocalTokenService admin = new LocalTokenService(file, operator, clock, random)) {
            long total = 0;
            for (String id : ids) {
                Token t = admin.show(id);
                total += t.useCount();
                assertNotNull(t.lastUsedAt(), "a last use is recorded with the count");
            }
            assertEquals((long) threads * uses, total);
        }
    }

    @Test
    void aFlushThatFindsTheStoreBusyKeepsItsUsesForTheNextAndTheServiceStillCloses() throws Exception {
        Path file = dir.resolve("busy.db");
        TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
        SecureRandom random = new SecureRandom();
        String operator;
        try (LocalTokenService boot = new LocalTokenService(file, null, clock, random)) {
            operator = boot.setup(new Setup("admin", "acme", false)).token().secret();
        }
        String id;
        String secret;
        try (LocalTokenService admin = new LocalTokenService(file, operator, clock, random)) {
            io.tokenctl.api.CreatedToken t = admin.create(new io.tokenctl.api.Requests.CreateToken(null, null, null,
                    false, false, false, List.of(io.tokenctl.api.Permission.parse("read:buckets")), null, null, null,
                    null));
            id = t.token().id();
            secret = t.secret();
        }
        Engine engine = new Engine(file, clock, () -> random);
        io.tokenctl.api.TokenService server = engine.as(null);
        for (int i = 0; i < 3; i++) {
            assertTrue(server.verify(new io.tokenctl.api.Requests.Verify(secret, null, null, List.of())).active());
        }
        // another process holds the write lock, as a long transaction would
        try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            io.tokenctl.api.TokenctlException busy = assertThrows(io.tokenctl.api.TokenctlException.class,
                    engine::flushUsage);
            assertTrue(busy.getMessage().contains("busy") || busy.getMessage().contains("locked"), busy.getMessage());
            // the verifier keeps answering meanwhile
            assertTrue(server.verify(new io.tokenctl.api.Requests.Verify(secret, null, null, List.of())).active());
            st.execute("ROLLBACK");
        }
        engine.flushUsage();
        server.verify(new io.tokenctl.api.Requests.Verify(secret, null, null, List.of()));
        engine.close();
        try (LocalTokenService admin = new LocalTokenService(file, operator, clock, random)) {
            assertEquals(5, admin.show(id).useCount(), "the uses of the failed flush were written by the next one");
        }
    }

    /** A real store whose first {@code failures} writes fail: after committing ({@code committed}) or before. */
    private static Storage failingWrites(Storage real, int failures, boolean committed) {
        int[] left = {failures};
        return new Storage() {
            @Override
            public <T> T read(java.util.function.Function<io.tokenctl.core.port.StoreTx, T> work) {
                return real.read(work);
            }

            @Override
            public <T> T write(java.util.function.Function<io.tokenctl.core.port.StoreTx, T> work) {
                if (left[0]-- > 0) {
                    if (committed) {
                        real.write(work);
                    }
                    throw new io.tokenctl.api.TokenctlException(io.tokenctl.api.ErrorCode.UNAVAILABLE,
                            "the connection dropped " + (committed ? "after the commit" : "before it"), null);
                }
                return real.write(work);
            }

            @Override
            public <T> T write(java.util.function.Function<io.tokenctl.core.port.StoreTx, T> work,
                    java.time.Duration busyWait) {
                return write(work);
            }

            @Override
            public String readOnly() {
                return real.readOnly();
            }

            @Override
            public io.tokenctl.core.port.Changes changes() {
                return real.changes();
            }

            @Override
            public String problem() {
                return real.problem();
            }

            @Override
            public ConnectionUse connections() {
                return real.connections();
            }

            @Override
            public java.util.List<Copied> copyInto(Storage target) {
                return real.copyInto(target);
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    @Test
    void aFlushWhoseCommitWentThroughButWhoseAnswerWasLostCountsNothingTwice() throws Exception {
        for (boolean committed : new boolean[] {true, false}) {
            Path file = dir.resolve("lost-" + committed + ".db");
            TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
            SecureRandom random = new SecureRandom();
            String operator;
            try (LocalTokenService boot = new LocalTokenService(file, null, clock, random)) {
                operator = boot.setup(new Setup("admin", "acme", false)).token().secret();
            }
            String id;
            try (LocalTokenService admin = new LocalTokenService(file, operator, clock, random)) {
                id = admin.create(new CreateToken(null, null, null, false, false, false,
                        List.of(Permission.parse("read:buckets")), null, null, null, null)).token().id();
            }
            UsageLog log = new UsageLog();
            Instant now = clock.instant();
            try (Storage real = StoreOpener.installed().open(StoreAddress.file(file), false,
                    java.time.Duration.ofSeconds(15))) {
                for (int i = 0; i < 5; i++) {
                    log.record(id, now.plusMillis(i), "10.0.0.1", null);
                }
                Storage flaky = failingWrites(real, 2, committed);
                assertThrows(io.tokenctl.api.TokenctlException.class, () -> log.flush(flaky, false, now, false));
                log.record(id, now.plusSeconds(1), "10.0.0.2", null);
                assertThrows(io.tokenctl.api.TokenctlException.class, () -> log.flush(flaky, false, now, false));
                log.record(id, now.plusSeconds(2), "10.0.0.3", null);
                log.flush(flaky, false, now, false);
                log.flush(flaky, false, now, true);
            }
            try (LocalTokenService admin = new LocalTokenService(file, operator, clock, random)) {
                Token t = admin.show(id);
                assertEquals(7, t.useCount(), committed ? "the batch whose answer was lost is counted once"
                        : "the batch that failed is written later, once");
                assertEquals("10.0.0.3", t.lastUsedIP());
            }
        }
    }
}
