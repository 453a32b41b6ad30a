package io.tokenctl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenctl.TestClock;
import io.tokenctl.api.Action;
import io.tokenctl.api.AppState;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.Expiry;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.CreateUser;
import io.tokenctl.api.Requests.DeleteUser;
import io.tokenctl.api.Requests.Regenerate;
import io.tokenctl.api.Requests.SetAppState;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.UpdateToken;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.ResourceType;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.Role;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.core.port.Storage;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cached verifier (with its plain answers) must answer exactly as an uncached decision on the same connection,
 * whatever changes are made through the service and however the clock moves: random steps over tokens with
 * expiry, networks, app approval, JWT keys, several orgs and grace windows, and seven shapes of request.
 */
class FastPathDifferentialTest {
    @TempDir
    Path dir;

    static final Permission RB = Permission.all(Action.READ, ResourceType.BUCKETS);
    static final Permission WB = Permission.all(Action.WRITE, ResourceType.BUCKETS);

    @Test
    void theCachedVerifierAnswersAsTheFullDecision() {
        for (int seed = 0; seed < 5; seed++) {
            run(seed);
        }
    }

    private void run(int seed) {
        Random r = new Random(seed);
        TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
        SecureRandom random = new SecureRandom();
        Path store = dir.resolve("s" + seed + ".db");
        String op;
        try (LocalTokenService boot = new LocalTokenService(store, null, clock, random)) {
            op = boot.setup(new Setup("admin", "acme", false)).token().secret();
        }
        try (LocalTokenService a = new LocalTokenService(store, op, clock, random)) {
            a.createOrg("beta");
            a.createUser(new CreateUser("bob", "acme", Role.NORMAL));
            a.createUser(new CreateUser("bob", "beta", Role.NORMAL));
            List<String> secrets = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            java.util.function.Consumer<CreateToken> mk = c -> {
                CreatedToken t = a.create(c);
                secrets.add(t.secret());
                ids.add(t.token().id());
            };
            mk.accept(new CreateToken(null, null, null, false, false, false, List.of(RB), Expiry.NEVER, null, null, null));
            mk.accept(new CreateToken(null, null, null, false, false, false, List.of(RB, WB),
                    new Expiry(Duration.ofSeconds(4), null), null, null, null));
            mk.accept(new CreateToken(null, null, null, false, false, false, List.of(RB), Expiry.NEVER, null, null,
                    List.of("10.0.0.0/8")));
            mk.accept(new CreateToken(null, null, null, false, false, false, List.of(RB), Expiry.NEVER, null,
                    AppState.PENDING, null));
            mk.accept(new CreateToken(null, null, null, false, false, false, List.of(RB), Expiry.NEVER,
                    TokenFormat.JWT, null, null));
            mk.accept(new CreateToken(null, "bob", List.of("acme", "beta"), false, false, false, List.of(RB, WB),
                    Expiry.NEVER, null, null, null));
            mk.accept(new CreateToken(null, "bob", null, true, false, false, List.of(RB, WB),
                    Expiry.NEVER, null, null, null));
            mk.accept(new CreateToken(null, null, List.of("acme"), false, true, false, List.of(RB), Expiry.NEVER, null,
                    null, null));

            Verifier cached = a.verifier();
            Storage shared = a.store();
            Verifier fresh = new Verifier(() -> shared, new UsageLog());

            List<Verify> shapes = new ArrayList<>();
            for (int step = 0; step < 60; step++) {
                // a change through the same service, or a clock move (either way)
                int what = r.nextInt(12);
                int i = r.nextInt(ids.size());
                try {
                    switch (what) {
                        case 0 -> a.deactivate(ids.get(i));
                        case 1 -> a.activate(ids.get(i));
                        case 2 -> a.update(new UpdateToken(ids.get(i), null,
                                new Expiry(Duration.ofMillis(500 + r.nextInt(3000)), null), null));
                        case 3 -> {
                            CreatedToken t = a.regenerate(new Regenerate(ids.get(i),
                                    Duration.ofMillis(200 + r.nextInt(3000)), null, r.nextBoolean()));
                            secrets.add(t.secret());
                        }
                        case 4 -> a.setAppState(new SetAppState(ids.get(3), "x",
                                r.nextBoolean() ? AppState.ALLOW : AppState.DENY));
                        case 5 -> a.deleteUser(new DeleteUser("bob", r.nextBoolean() ? "acme" : "beta"));
                        case 6 -> a.createUser(new CreateUser("bob", r.nextBoolean() ? "acme" : "beta",
                                r.nextBoolean() ? Role.READ_ONLY : Role.NORMAL));
                        case 7 -> {
                            var keys = a.orgKeys("acme");
                            if (r.nextBoolean() || keys.isEmpty()) {
                                a.rotateOrgKey("acme");
                            } else {
                                a.removeOrgKey("acme", keys.get(0).kid());
                            }
                        }
                        case 8 -> clock.advance(Duration.ofMillis(-r.nextInt(3000)));
                        default -> clock.advance(Duration.ofMillis(r.nextInt(1500)));
                    }
                } catch (RuntimeException e) {
                    // a refused change changes nothing
                }
                for (String s : secrets) {
                    shapes.clear();
                    shapes.add(new Verify(s, null, null, List.of()));
                    shapes.add(new Verify(s, null, null, List.of(RB)));
                    shapes.add(new Verify(s, null, null, List.of(WB)));
                    shapes.add(new Verify(s, null, "10.1.2.3", List.of()));
                    shapes.add(new Verify(s, null, "192.168.1.1", List.of()));
                    shapes.add(new Verify(s, "x", null, List.of()));
                    shapes.add(new Verify(s, null, null, List.of(), "beta"));
                    for (Verify v : shapes) {
                        Instant now = Instant.ofEpochMilli(clock.millis());
                        Verification c = cached.verify(v, now);
                        fresh.invalidate();
                        Verification f = fresh.verify(v, now);
                        assertEquals(f, c, "seed " + seed + " step " + step + " op " + what + " " + v.ip() + " "
                                + v.app() + " " + v.org() + " " + v.require());
                    }
                }
            }
        }
    }
}
