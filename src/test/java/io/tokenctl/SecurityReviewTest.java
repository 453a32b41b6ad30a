package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a hostile second reading of the security fixes found (issue 11), each shown as it was found. */
class SecurityReviewTest extends AdminStore {
    final SecureRandom random = new SecureRandom();



    List<JsonNode> events(String target, String action) {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode e : admin.json("audit", "list", "--target", target, "--limit", "10000")) {
            if (e.get("action").asText().equals(action)) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void aStoreWhoseLatestChangesWaitInItsWalIsNotReadStaleFromAReadOnlyFolder() throws Exception {
        try (Tmpfs fs = Tmpfs.mount(dir.resolve("ro"), "4m")) {
            Tokenctl.Made t = admin.make("--read-buckets");
            // a server still running: its last change (the retirement) is in -wal, not yet in the main file
            try (Engine live = new Engine(admin.store(), admin.clock, () -> random)) {
                live.as(setupSecret).retire(t.id());
                Files.copy(admin.store(), fs.dir().resolve("t.db"), StandardCopyOption.COPY_ATTRIBUTES);
                Files.copy(Path.of(admin.store() + "-wal"), fs.dir().resolve("t.db-wal"));
            }
            fs.readOnly();
            Tokenctl.Result r = admin.runWithStdin(t.secret(), "--store", fs.dir().resolve("t.db").toString(), "auth",
                    "verify").expect(1);
            assertTrue(r.err().contains("latest changes are in t.db-wal"), r.err());
            assertFalse(r.out().contains("\"active\" : true"), "a retired token must not verify from stale data");
        }
    }

    /** The admin's operator token, as setup saved it in the profile. */
    private String setupSecret;

    @org.junit.jupiter.api.BeforeEach
    void rememberOperator() throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(dir.resolve("config/tokenctl/config"))) {
            p.load(in);
        }
        setupSecret = p.getProperty("profile.default.token");
    }

    @Test
    void aServerRefusesAStoreItCanOnlyRead() throws Exception {
        try (Tmpfs fs = Tmpfs.mount(dir.resolve("ro"), "4m")) {
            Tokenctl.settle();
            Files.copy(admin.store(), fs.dir().resolve("t.db"));
            fs.readOnly();
            Engine engine = new Engine(fs.dir().resolve("t.db"), admin.clock, () -> random);
            TokenctlException e = org.junit.jupiter.api.Assertions.assertThrows(TokenctlException.class,
                    engine::openOrCreate);
            assertTrue(e.getMessage().contains("a server needs a store it can write"), e.getMessage());
        }
    }

    @Test
    void revokeOnReuseHoldsInALongRunningServerAfterAnEarlierLeakOfTheSameToken() {
        Tokenctl.Made t = admin.make("--read-buckets");
        String s2 = admin.run("auth", "regenerate", t.id(), "-q").expect(0).secret();
        try (Engine server = new Engine(admin.store(), admin.clock, () -> random)) {
            TokenService anonymous = server.as(null);
            assertFalse(anonymous.verify(new Verify(t.secret(), null, null, List.of())).active(), "S1 leaks");
            admin.run("auth", "regenerate", t.id(), "--revoke-on-reuse", "-q").expect(0);
            admin.clock.advance(Duration.ofSeconds(2));
            assertFalse(anonymous.verify(new Verify(s2, null, null, List.of())).active(), "S2 leaks");
        }
        assertEquals("retired", admin.json("auth", "show", t.id()).get("status").asText());
    }

    @Test
    void anAdminOfTheOrgThatSignedAJwtCannotEndItOnceTheOrgWasCutOut() throws Exception {
        Tokenctl sam = sam();
        JsonNode made = admin.json("auth", "create", "--org", "staging", "--org", "acme", "--format", "jwt",
                "--read-buckets");
        Tokenctl.Made jwt = new Tokenctl.Made(made.get("id").asText(), made.get("token").asText());
        admin.run("auth", "revoke-org", jwt.id(), "--org", "staging").expect(0);
        sam.run("auth", "show", jwt.id()).expect(5);
        JsonNode keys = JSON.readTree(sam.run("org", "keys", "jwks", "staging").expect(0).out()).get("keys");
        for (JsonNode k : keys) {
            sam.run("org", "keys", "remove", "staging", k.get("kid").asText(), "--yes").expect(0);
        }
        admin.runWithStdin(jwt.secret(), "auth", "verify", "--org", "acme").expect(0);
    }

    @Test
    void anAdminsDeactivationOfATokenItsOwnerDeactivatedHoldsAgainstTheOwner() {
        admin.run("user", "create", "nora", "--role", "normal").expect(0);
        Tokenctl nora = as(admin.create("--user", "nora", "--read-authorizations", "--write-authorizations",
                "--read-buckets"));
        Tokenctl.Made hers = nora.make("--read-buckets");
        nora.run("auth", "deactivate", hers.id()).expect(0);
        admin.run("auth", "deactivate", hers.id()).expect(0);
        assertTrue(admin.json("auth", "show", hers.id()).get("deactivatedAbove").asBoolean());
        nora.run("auth", "activate", hers.id()).expect(4);
    }

    @Test
    void aDeadOperatorSecretLearnsNothingAndIsAuditedOnceThenCounted() {
        Tokenctl.Made op = admin.make("--all-access");
        admin.run("auth", "regenerate", op.id(), "-q").expect(0);
        Tokenctl.Result r = as(op.secret()).run("auth", "list").expect(3);
        assertFalse(r.err().contains(op.id()) || r.err().contains("superseded") || r.err().contains("window"),
                r.err());
        try (Engine server = new Engine(admin.store(), admin.clock, () -> random)) {
            int before = events(op.id(), "authenticate").size();
            for (int i = 0; i < 5; i++) {
                org.junit.jupiter.api.Assertions.assertThrows(TokenctlException.class, () -> server.as(op.secret()).me());
            }
            assertEquals(before + 1, events(op.id(), "authenticate").size(), "the first at once, the rest counted");
        }
        List<JsonNode> rows = events(op.id(), "authenticate");
        assertTrue(rows.get(rows.size() - 1).get("reason").asText().contains("presented 4 times"),
                rows.get(rows.size() - 1).toString());
    }

    @Test
    void coalescedRefusalsAreToldApartByKindAndSubjectAndStampedWhenWritten() {
        Tokenctl.Made t = admin.make("--read-buckets", "--app-default", "pending");
        admin.run("auth", "deny-app", t.id(), "evil").expect(0);
        try (Engine server = new Engine(admin.store(), admin.clock, () -> random)) {
            TokenService v = server.as(null);
            for (int i = 0; i < 20; i++) {
                v.verify(new Verify(t.secret(), "foo", null, List.of()));
                v.verify(new Verify(t.secret(), "evil", null, List.of()));
            }
            admin.clock.advance(Duration.ofSeconds(30));
            server.flushUsage();
        }
        List<JsonNode> rows = events(t.id(), "verify");
        String all = rows.toString();
        assertTrue(all.contains("app foo is pending") && all.contains("app evil is denied"), all);
        for (JsonNode e : rows) {
            assertEquals(admin.clock.instant().toString(), e.get("at").asText(), "stamped when written: " + e);
        }
    }

    @Test
    void theOwnerOfACutAllOrgsTokenMayCloneIt() {
        Tokenctl sam = sam();
        // the admin's own operator token (all orgs), cut out of staging by staging's admin
        String own = admin.json("whoami").get("tokenID").asText();
        sam.run("auth", "revoke-org", own, "--org", "staging").expect(0);
        String clone = admin.run("auth", "clone", own, "-q").expect(0).secret();
        admin.runWithStdin(clone, "auth", "verify", "--org", "staging").expect(4);
    }

    @Test
    void anIdHoldingASecretAndEscapesIsAUsageErrorAndNeverAudited() {
        long before = admin.json("audit", "list", "--limit", "10000").size();
        String id = "tctl_" + "A".repeat(36) + "\033]0;PWNED\007\n5 2026 admin create allowed" + "x".repeat(3000);
        admin.run("auth", "show", id).expect(2);
        assertEquals(before, admin.json("audit", "list", "--limit", "10000").size());
    }

    @Test
    void formatCharactersBeyondTheBasicPlaneAreEscapedToo() {
        Tokenctl.Result r = admin.run("auth", "show", "grafana\uDB40\uDC41").expect(2);
        assertFalse(r.err().contains("\uDB40\uDC41"), r.err());
        assertTrue(r.err().contains("\\U000e0041"), r.err());
    }

    @Test
    void aRefusedReadOnAReadOnlyStoreKeepsItsExitCodeAndSaysTheAuditWasLost() throws Exception {
        try (Tmpfs fs = Tmpfs.mount(dir.resolve("ro"), "4m")) {
            Tokenctl.settle();
            Files.copy(admin.store(), fs.dir().resolve("t.db"));
            fs.readOnly();
            Tokenctl.Result r = admin.run("--store", fs.dir().resolve("t.db").toString(), "auth", "show",
                    "0000000000000000").expect(5);
            assertTrue(r.err().contains("could not be audited"), r.err());
        }
    }

    @Test
    void aTokenWhoseOwnerLeftAnOrgNoLongerReachesItForThatOrgsAdmins() {
        Tokenctl sam = sam();
        admin.run("user", "create", "olga", "--org", "acme", "--role", "normal").expect(0);
        admin.run("user", "create", "olga", "--org", "staging", "--role", "normal").expect(0);
        Tokenctl.Made t = admin.make("--user", "olga", "--org", "acme", "--org", "staging", "--read-buckets");
        sam.run("auth", "show", t.id()).expect(0);
        admin.run("user", "delete", "olga", "--org", "staging", "--yes").expect(0);
        sam.run("auth", "show", t.id()).expect(5);
        admin.run("auth", "update", t.id(), "--description", "acme's business now").expect(0);
    }

    @Test
    void anotherOrgsAdminCannotPullAUserIntoTheirOrg() {
        Tokenctl sam = sam();
        admin.run("user", "create", "carl", "--role", "normal").expect(0);
        Tokenctl.Result r = sam.run("user", "create", "carl", "--org", "staging", "--role", "read-only").expect(4);
        assertTrue(r.err().contains("an admin of one of them"), r.err());
        admin.run("user", "create", "alice", "--role", "normal").expect(0);
        admin.run("user", "create", "alice", "--org", "staging", "--role", "normal").expect(0);
    }
}
