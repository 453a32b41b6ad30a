package io.tokenctl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.CreateUser;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Role;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids made in the same millisecond with the same 20 random bits collide. Every kind of row (user, org, signing
 * key, token) gets another id instead of failing on the store's primary key.
 */
class IdCollisionTest {
    @TempDir
    Path dir;

    /**
     * A generator whose id draws (nextInt(2^20)), once armed, go 7, 7, real, 7, 7, real...: the second row of each
     * pair made below first draws the id the first one took. Everything else is real.
     */
    static final class StuckIds extends SecureRandom {
        private static final long serialVersionUID = 1L;
        volatile boolean armed;
        private int draws;

        @Override
        public synchronized int nextInt(int bound) {
            return armed && bound == 1 << 20 && draws++ % 3 != 2 ? 7 : super.nextInt(bound);
        }
    }

    @Test
    void rowsMadeInOneMillisecondWithTheSameRandomBitsGetDistinctIds() {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        StuckIds random = new StuckIds();
        Path store = dir.resolve("tokenctl.db");
        String operator;
        try (LocalTokenService bootstrap = new LocalTokenService(store, null, frozen, random)) {
            operator = bootstrap.setup(new Setup("admin", "acme", false)).token().secret();
        }
        try (LocalTokenService api = new LocalTokenService(store, operator, frozen, random)) {
            random.armed = true;
            String bob = api.createUser(new CreateUser("bob", null, Role.NORMAL)).userID();
            String carol = api.createUser(new CreateUser("carol", null, Role.NORMAL)).userID();
            assertNotEquals(bob, carol);

            String staging = api.createOrg("staging").id();
            String prod = api.createOrg("prod").id();
            assertNotEquals(staging, prod);

            String key1 = api.rotateOrgKey("acme").kid();
            String key2 = api.rotateOrgKey("acme").kid();
            assertNotEquals(key1, key2);

            CreateToken reader = new CreateToken("r", null, List.of(), false, false, false,
                    List.of(io.tokenctl.api.Permission.parse("read:buckets")), null, null, null, null);
            String t1 = api.create(reader).token().id();
            String t2 = api.create(reader).token().id();
            assertNotEquals(t1, t2);
            // the first of each pair took the stuck draw, so the second one's first try collided
            String stuck = Ids.next(frozen.instant(), new SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public int nextInt(int bound) {
                    return 7;
                }
            });
            assertEquals(List.of(stuck, stuck, stuck, stuck), List.of(bob, staging, key1, t1));
        }
    }
}
