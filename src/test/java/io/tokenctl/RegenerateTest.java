package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given a token used by a service, when it is regenerated, the old secret dies on time and never before. */
class RegenerateTest {
    @TempDir
    Path dir;
    Tokenctl t;
    String oldSecret;
    String id;

    @BeforeEach
    void setUp() throws Exception {
        t = new Tokenctl(dir);
        t.setup();
        Tokenctl.Made made = t.make("--read-authorizations", "--read-buckets");
        oldSecret = made.secret();
        id = made.id();
    }

    int listAs(String secret) {
        Tokenctl other = new Tokenctl(dir);
        other.clock.set(t.clock.instant());
        other.env.put("TOKENCTL_TOKEN", secret);
        return other.run("auth", "list").exit();
    }

    @Test
    void withoutGraceTheOldSecretDiesAtOnce() throws Exception {
        String fresh = t.run("auth", "regenerate", id, "-q").expect(0).secret();
        assertNotEquals(oldSecret, fresh);
        assertEquals(3, listAs(oldSecret));
        assertEquals(0, listAs(fresh));
        assertFalse(t.storeFilesContain(fresh));
    }

    @Test
    void theIdAndPermissionsStayAndTheHashChanges() throws Exception {
        ObjectMapper m = new ObjectMapper();
        JsonNode before = m.readTree(t.run("auth", "show", id, "--json").out());
        JsonNode after = m.readTree(t.run("auth", "regenerate", id, "--json").expect(0).out());
        assertEquals(id, after.get("id").asText());
        assertEquals(before.get("permissions"), after.get("permissions"));
        assertNotEquals(before.get("hash"), after.get("hash"));
        assertTrue(after.get("token").asText().startsWith("tctl_"));
    }

    @Test
    void withGraceBothSecretsWorkUntilTheWindowEnds() {
        String fresh = t.run("auth", "regenerate", id, "--grace", "24h", "-q").expect(0).secret();
        t.clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertEquals(0, listAs(oldSecret));
        assertEquals(0, listAs(fresh));
        t.clock.advance(Duration.ofSeconds(1));
        assertEquals(3, listAs(oldSecret));
        assertEquals(0, listAs(fresh));
    }

    @Test
    void oldExpiresSetsTheEndOfTheWindow() {
        t.run("auth", "regenerate", id, "--old-expires", "2026-11-23T13:00:00Z", "-q").expect(0);
        t.clock.set(java.time.Instant.parse("2026-11-23T12:59:59Z"));
        assertEquals(0, listAs(oldSecret));
        t.clock.set(java.time.Instant.parse("2026-11-23T13:00:00Z"));
        assertEquals(3, listAs(oldSecret));
    }

    @Test
    void aSecondRegenerateForgetsSecretsWhoseWindowHasPassed() throws Exception {
        String second = t.run("auth", "regenerate", id, "--grace", "1h", "-q").expect(0).secret();
        t.clock.advance(Duration.ofHours(2));
        String third = t.run("auth", "regenerate", id, "--grace", "1h", "-q").expect(0).secret();
        assertEquals(3, listAs(oldSecret));
        assertEquals(0, listAs(second));
        assertEquals(0, listAs(third));
    }

    @Test
    void badWindowsAreUsageErrors() {
        t.run("auth", "regenerate", id, "--grace", "soon").expect(2);
        t.run("auth", "regenerate", id, "--grace", "0h").expect(2);
        t.run("auth", "regenerate", id, "--old-expires", "tomorrow").expect(2);
        t.run("auth", "regenerate", id, "--old-expires", "2020-01-01T00:00:00Z").expect(2);
        t.run("auth", "regenerate", id, "--grace", "1h", "--old-expires", "2027-01-01T00:00:00Z").expect(2);
        assertEquals(0, listAs(oldSecret), "nothing changed");
    }
}
