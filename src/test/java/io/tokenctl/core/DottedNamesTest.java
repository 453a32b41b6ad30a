package io.tokenctl.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.TestClock;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Redact;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.api.TokenctlException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names with dots (which org and user names may hold, and host-style app names) are not taken for JWTs: they
 * stay usable in verify and readable in reasons. A real JWT or tokenctl secret where a name belongs is refused.
 */
class DottedNamesTest {
    @TempDir
    Path dir;

    @Test
    void aDottedOrgAndAppNameWorkAndStayReadableWhileARealSecretIsRefused() {
        Path file = dir.resolve("s.db");
        TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
        SecureRandom random = new SecureRandom();
        String org = "research.platform.division";
        String operator;
        try (LocalTokenService boot = new LocalTokenService(file, null, clock, random)) {
            operator = boot.setup(new Setup("admin", org, false)).token().secret();
        }
        try (LocalTokenService s = new LocalTokenService(file, operator, clock, random)) {
            List<Permission> read = List.of(Permission.parse("read:buckets"));
            CreatedToken t = s.create(new CreateToken(null, null, null, false, false, false, read, null, null, null, null));
            CreatedToken jwt = s.create(new CreateToken(null, null, null, false, false, false, read, null,
                    TokenFormat.JWT, null, null));

            Verification denied = s.verify(new Verify(t.secret(), null, null, List.of(Permission.parse("write:buckets"))));
            assertTrue(denied.reason().endsWith("in org " + org), denied.reason());
            assertTrue(s.verify(new Verify(t.secret(), null, null, List.of(), org)).active());
            assertTrue(s.verify(new Verify(t.secret(), "frontend.acme-corp.internal", null, List.of())).active());

            for (String secret : List.of(t.secret(), jwt.secret())) {
                TokenctlException asApp = assertThrows(TokenctlException.class,
                        () -> s.verify(new Verify(t.secret(), secret, null, List.of())));
                assertTrue(asApp.getMessage().contains("looks like a token secret"), asApp.getMessage());
                assertFalse(asApp.getMessage().contains(secret));
                TokenctlException asOrg = assertThrows(TokenctlException.class,
                        () -> s.verify(new Verify(t.secret(), null, null, List.of(), secret)));
                assertTrue(asOrg.getMessage().contains("looks like a token secret"), asOrg.getMessage());
            }
            assertEquals("a <redacted> b", Redact.secrets("a " + jwt.secret() + " b"));
            assertEquals(org, Redact.secrets(org));
        }
    }
}
