package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's rule holes, each of which failed before: a clone only narrows; an expired token stays expired, and
 * a live one is given more time only within what the token that made it could grant; every refusal is audited.
 */
class LifecycleRulesTest extends AdminStore {
    private int tokens() {
        return admin.json("auth", "list", "--limit", "1000").size();
    }

    private JsonNode lastEvent() {
        JsonNode all = admin.json("audit", "list", "--limit", "10000");
        return all.get(all.size() - 1);
    }

    private void assertRefusalAudited(String action, String target) {
        JsonNode last = lastEvent();
        assertEquals("denied", last.get("outcome").asText(), last.toString());
        assertEquals(action, last.get("action").asText(), last.toString());
        assertEquals(target, last.get("target").asText(), last.toString());
    }

    @Test
    void aCloneAskingForWhatItsSourceLacksIsRefusedNamingItAndAudited() {
        Tokenctl.Made source = admin.make("--read-buckets", "--write-bucket", "0000000000000b01");
        int before = tokens();
        Tokenctl.Result r = admin.run("auth", "clone", source.id(), "--read-buckets", "--write-dashboards").expect(4);
        assertTrue(r.err().contains("write:dashboards") && r.err().contains("only narrows"), r.err());
        assertEquals(before, tokens(), "no clone was made");
        assertRefusalAudited("clone", source.id());
        // an id-scoped permission does not stand for the whole type
        admin.run("auth", "clone", source.id(), "--write-buckets").expect(4);
        admin.run("auth", "clone", source.id(), "--all-access").expect(4);
    }

    @Test
    void aCloneWithFlagsGetsExactlyThoseOfItsSourcesPermissions() throws Exception {
        Tokenctl.Made source = admin.make("--read-buckets", "--read-dashboards", "--description", "source");
        JsonNode clone = JSON.readTree(admin.run("auth", "clone", source.id(), "--read-dashboards", "--description", "dash",
                "--json").expect(0).out());
        assertEquals(1, clone.get("permissions").size());
        assertEquals("dashboards", clone.get("permissions").get(0).get("resource").get("type").asText());
        assertEquals("dash", clone.get("description").asText());
        // a narrower id-scoped permission under a type-wide one is a subset too
        admin.run("auth", "clone", source.id(), "--read-bucket", "0000000000000b01").expect(0);
    }

    @Test
    void anExpiredTokenStaysExpiredWhateverExpiryAnUpdateGives() {
        Tokenctl.Made t = admin.make("--read-buckets", "--expires", "1h");
        admin.clock.advance(Duration.ofHours(2));
        for (String expires : new String[] {"never", "30d", "2030-01-01T00:00:00Z"}) {
            Tokenctl.Result r = admin.run("auth", "update", t.id(), "--expires", expires).expect(1);
            assertTrue(r.err().contains("stays expired"), r.err());
            assertRefusalAudited("update", t.id());
        }
        assertEquals("2026-11-23T13:00:00Z", admin.json("auth", "show", t.id()).get("expiresAt").asText());
        assertFalse(works(t.secret()), "still expired");
        // the description may still change
        admin.run("auth", "update", t.id(), "--description", "expired one").expect(0);
    }

    @Test
    void aLiveTokenGetsMoreTimeOnlyWithinWhatItsMakerCouldGrant() {
        // a short-lived operator token of the admin's, and a token it makes
        String shortLived = admin.create("--all-access", "--expires", "2h");
        Tokenctl ci = as(shortLived);
        Tokenctl.Result never = ci.run("auth", "create", "--read-buckets", "-q").expect(4);
        assertTrue(never.err().contains("never") && never.err().contains("2026-11-23T14:00:00Z"), never.err());
        ci.run("auth", "create", "--read-buckets", "--expires", "3h", "-q").expect(4);
        Tokenctl.Made made = ci.make("--read-buckets", "--expires", "1h");
        // shortening is free; lengthening stops at the maker's expiry, even for the admin
        admin.run("auth", "update", made.id(), "--expires", "30m").expect(0);
        admin.run("auth", "update", made.id(), "--expires", "2h").expect(0);
        Tokenctl.Result longer = admin.run("auth", "update", made.id(), "--expires", "never").expect(4);
        assertTrue(longer.err().contains("2026-11-23T14:00:00Z"), longer.err());
        assertRefusalAudited("update", made.id());
        admin.run("auth", "update", made.id(), "--expires", "3h").expect(4);
        assertEquals("2026-11-23T14:00:00Z", admin.json("auth", "show", made.id()).get("expiresAt").asText());
        // a token the admin made (no bound) gets no more time from an operator token that has less
        Tokenctl.Made open = admin.make("--read-buckets", "--expires", "1h");
        ci.run("auth", "update", open.id(), "--expires", "5h").expect(4);
        admin.run("auth", "update", open.id(), "--expires", "5h").expect(0);
        ci.run("auth", "update", open.id(), "--expires", "30m").expect(0);
        // and a clone can't outlive the token that clones it
        Tokenctl.Made forever = admin.make("--read-buckets");
        ci.run("auth", "clone", forever.id()).expect(4);
    }

    @Test
    void aRefusedActivateOfARetiredTokenIsAudited() {
        Tokenctl.Made t = admin.make("--read-buckets");
        admin.run("auth", "retire", t.id()).expect(0);
        for (String verb : new String[] {"activate", "deactivate", "regenerate"}) {
            admin.run("auth", verb, t.id()).expect(1);
            assertRefusalAudited(verb, t.id());
        }
        admin.run("auth", "update", t.id(), "--description", "x").expect(1);
        assertRefusalAudited("update", t.id());
    }

    /** Every refusal of a rule of state (exit 1) by an authenticated caller is in the audit log, as the rest are. */
    @Test
    void everyRefusalOfARuleOfStateIsAudited() {
        Tokenctl.Made retired = admin.make("--read-buckets");
        admin.run("auth", "retire", retired.id()).expect(0);
        Tokenctl.Made expiring = admin.make("--read-buckets", "--expires", "1h");
        Tokenctl.Made account = admin.make("--account", "--read-buckets");
        admin.clock.advance(Duration.ofHours(2));
        String[][] cases = {
            {"activate", retired.id(), "auth", "activate", retired.id()},
            {"deactivate", retired.id(), "auth", "deactivate", retired.id()},
            {"regenerate", retired.id(), "auth", "regenerate", retired.id()},
            {"update", retired.id(), "auth", "update", retired.id(), "--description", "again"},
            {"clone", expiring.id(), "auth", "clone", expiring.id()},
            {"update", expiring.id(), "auth", "update", expiring.id(), "--expires", "never"},
            {"promote", account.id(), "auth", "promote", account.id()},
            {"user create", "admin", "user", "create", "admin", "--org", "acme"},
            {"user delete", "admin", "user", "delete", "admin", "--yes"},
            {"org create", "acme", "org", "create", "acme"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 2, c.length);
            int before = admin.json("audit", "list", "--limit", "10000").size();
            Tokenctl.Result r = admin.run(args);
            assertEquals(1, r.exit(), String.join(" ", args) + ": " + r.err());
            JsonNode all = admin.json("audit", "list", "--limit", "10000");
            assertTrue(all.size() > before, String.join(" ", args) + " left no audit row");
            JsonNode last = all.get(all.size() - 1);
            assertEquals("denied", last.get("outcome").asText(), String.join(" ", args) + ": " + last);
            assertEquals(c[0], last.get("action").asText(), String.join(" ", args) + ": " + last);
        }
    }

    private boolean works(String secret) {
        return admin.runWithStdin(secret, "auth", "verify", "-q").exit() == 0;
    }
}
