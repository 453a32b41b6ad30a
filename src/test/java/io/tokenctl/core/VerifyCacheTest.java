package io.tokenctl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.TestClock;
import io.tokenctl.api.Action;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.Expiry;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.ResourceType;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long-lived verifier caches what it read; a revocation made elsewhere must still be honoured within one
 * second, and one made through the verifier's own service at once.
 */
class VerifyCacheTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    final SecureRandom random = new SecureRandom();
    Path store;
    String operator;
    CreatedToken token;

    @BeforeEach
    void setUp() {
        store = dir.resolve("s.db");
        try (LocalTokenService boot = new LocalTokenService(store, null, clock, random)) {
            operator = boot.setup(new Setup("admin", "acme", false)).token().secret();
        }
        try (LocalTokenService admin = new LocalTokenService(store, operator, clock, random)) {
            token = admin.create(new CreateToken(null, null, null, false, false, false,
                    List.of(Permission.all(Action.READ, ResourceType.BUCKETS)), Expiry.NEVER, null, null, null));
        }
    }

    boolean active(LocalTokenService s) {
        return s.verify(new Verify(token.secret(), null, null, List.of())).active();
    }

    @Test
    void aLoadThatAChangeOvertookIsNotCached() {
        try (LocalTokenService s = new LocalTokenService(store, null, clock, random)) {
            VerifyCache cache = new VerifyCache();
            Presented p = Presented.of(token.secret());
            Instant now = clock.instant();
            assertNull(cache.get(p.key(), now, () -> 1));
            // thread X misses, takes the generation and loads the token as it is before a retirement...
            VerifyCache.Ticket generation = cache.ticket();
            Verifier.Loaded before = Verifier.Loaded.of(s.store().read(tx -> Snapshot.load(tx, p, now)), now);
            // ...meanwhile the retirement commits elsewhere, and thread Y's check a second later sees it
            Instant later = now.plus(VerifyCache.MAX_AGE);
            assertNull(cache.get(p.key(), later, () -> 2));
            // X's put must not bring the old state back: it would pass until the store changed again
            cache.put(generation, p.key(), before);
            assertNull(cache.get(p.key(), later, () -> 2));
            assertNull(cache.get(p.key(), later.plus(VerifyCache.MAX_AGE), () -> 2));
            // a load in the current generation is kept
            cache.put(cache.ticket(), p.key(), before);
            assertEquals(before, cache.get(p.key(), later, () -> 2));
        }
    }

    @Test
    void aRetirementByAnotherConnectionIsHonouredWithinOneSecond() {
        try (LocalTokenService verifier = new LocalTokenService(store, null, clock, random);
                LocalTokenService elsewhere = new LocalTokenService(store, operator, clock, random)) {
            assertTrue(active(verifier));
            elsewhere.retire(token.token().id());
            clock.advance(Duration.ofSeconds(1));
            assertFalse(active(verifier), "stale for at most a second");
        }
    }

    @Test
    void aDeactivationThroughTheSameServiceIsHonouredAtOnce() {
        try (LocalTokenService both = new LocalTokenService(store, operator, clock, random)) {
            assertTrue(active(both));
            both.deactivate(token.token().id());
            assertFalse(active(both));
            both.activate(token.token().id());
            assertTrue(active(both));
        }
    }

    @Test
    void expiryIsJudgedAtEachVerifyNotWhenCached() {
        CreatedToken shortLived;
        try (LocalTokenService admin = new LocalTokenService(store, operator, clock, random)) {
            shortLived = admin.create(new CreateToken(null, null, null, false, false, false,
                    List.of(Permission.all(Action.READ, ResourceType.BUCKETS)), new Expiry(Duration.ofMillis(500), null),
                    null, null, null));
        }
        try (LocalTokenService verifier = new LocalTokenService(store, null, clock, random)) {
            assertTrue(verifier.verify(new Verify(shortLived.secret(), null, null, List.of())).active());
            clock.advance(Duration.ofMillis(500));
            assertFalse(verifier.verify(new Verify(shortLived.secret(), null, null, List.of())).active());
        }
    }

    @Test
    void aRegenerationElsewhereEndsTheOldSecretWithinOneSecond() {
        try (LocalTokenService verifier = new LocalTokenService(store, null, clock, random);
                LocalTokenService elsewhere = new LocalTokenService(store, operator, clock, random)) {
            assertTrue(active(verifier));
            String fresh = elsewhere.regenerate(new io.tokenctl.api.Requests.Regenerate(token.token().id(), null, null,
                    false)).secret();
            clock.advance(Duration.ofSeconds(1));
            assertFalse(active(verifier));
            assertTrue(verifier.verify(new Verify(fresh, null, null, List.of())).active());
        }
    }

    @Test
    void aCachedPassEndsWhenTheOldSecretsWindowCloses() {
        String fresh;
        try (LocalTokenService admin = new LocalTokenService(store, operator, clock, random)) {
            fresh = admin.regenerate(new io.tokenctl.api.Requests.Regenerate(token.token().id(), Duration.ofSeconds(10),
                    null, false)).secret();
        }
        // a verifier that may see the token, so it hears why the old secret fails
        try (LocalTokenService verifier = new LocalTokenService(store, operator, clock, random)) {
            assertTrue(active(verifier), "the old secret works in its window");
            clock.advance(Duration.ofMillis(9_999));
            assertTrue(active(verifier));
            clock.advance(Duration.ofMillis(1));
            var late = verifier.verify(new Verify(token.secret(), null, null, List.of()));
            assertFalse(late.active(), "the window closed while the pass was cached");
            assertTrue(late.reason().contains("likely leaked"), late.reason());
            assertTrue(verifier.verify(new Verify(fresh, null, null, List.of())).active());
        }
    }

    @Test
    void aCachedPassAnswersNoUseItDoesNotCover() {
        try (LocalTokenService verifier = new LocalTokenService(store, operator, clock, random)) {
            assertTrue(active(verifier));
            var write = verifier.verify(new Verify(token.secret(), null, null,
                    List.of(Permission.all(Action.WRITE, ResourceType.BUCKETS))));
            assertFalse(write.active(), "it lacks write:buckets");
            assertEquals(io.tokenctl.api.ErrorCode.FORBIDDEN, write.code());
            assertTrue(verifier.verify(new Verify(token.secret(), null, null,
                    List.of(Permission.all(Action.READ, ResourceType.BUCKETS)))).active());
            assertFalse(verifier.verify(new Verify(token.secret(), null, null, List.of(), "elsewhere")).active(),
                    "an org it doesn't reach");
            var audit = verifier.audit(new io.tokenctl.api.Requests.ListAudit(null, null, token.token().id(), 10, null));
            assertTrue(audit.events().stream().anyMatch(e -> "denied".equals(e.outcome())
                    && e.reason().contains("write:buckets")), "the refusal is audited: " + audit.events());
        }
    }

    @Test
    void aRetirementWhileTheVerifierWasClosedIsHonouredWhenItReopens() {
        LocalTokenService verifier = new LocalTokenService(store, null, clock, random);
        assertTrue(active(verifier));
        verifier.close();
        try (LocalTokenService elsewhere = new LocalTokenService(store, operator, clock, random)) {
            elsewhere.retire(token.token().id());
        }
        // a new connection counts changes from 1 again, as the old one did: the cache must not trust that
        assertFalse(active(verifier), "retired while the verifier was closed");
        clock.advance(Duration.ofMinutes(5));
        assertFalse(active(verifier));
        verifier.close();
    }
}
