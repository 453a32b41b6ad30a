package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given org acme and org beta: dave is admin of both (his all-orgs token followed him into beta, which he made),
 * alice is admin of acme only, bob is normal in both, carol admin of beta only. Each test is a hole a review
 * found, closed.
 */
class ReviewFindingsTest {
    @TempDir
    Path dir;
    Tokenctl dave;
    Tokenctl.Made daves;

    @BeforeEach
    void setUp() {
        Tokenctl root = new Tokenctl(dir);
        root.setup();
        root.run("user", "create", "dave", "--role", "admin").expect(0);
        root.run("user", "create", "alice", "--role", "admin").expect(0);
        root.run("user", "create", "bob", "--role", "normal").expect(0);
        daves = root.make("--user", "dave", "--all-orgs", "--all-access");
        dave = as(daves.secret());
        dave.run("org", "create", "beta").expect(0);
        dave.run("user", "create", "bob", "--org", "beta", "--role", "normal").expect(0);
        dave.run("user", "create", "carol", "--org", "beta", "--role", "admin").expect(0);
    }

    Tokenctl as(String secret) {
        Tokenctl t = new Tokenctl(dir);
        t.env.put("TOKENCTL_TOKEN", secret);
        return t;
    }

    Tokenctl alice() {
        return as(dave.create("--user", "alice", "--all-access"));
    }

    @Test
    void anAdminOfOneOrgCannotRegenerateAwayATokenThatReachesAnother() {
        Tokenctl.Result r = alice().run("auth", "regenerate", daves.id(), "-q").expect(4);
        assertTrue(r.err().contains("beta"), r.err());
        dave.run("auth", "list").expect(0);
    }

    @Test
    void regenerateNeedsWhatTheTokenHolds() {
        String narrow = dave.create("--account", "--read-authorizations", "--write-authorizations");
        Tokenctl.Made alices = dave.make("--user", "alice", "--all-access");
        as(narrow).run("auth", "regenerate", alices.id(), "-q").expect(4);
        as(narrow).run("auth", "create", "--account", "--write-users").expect(4);
    }

    @Test
    void promotionNeedsAdminInEveryOrgTheTokenReaches() {
        Tokenctl.Made bobs = dave.make("--user", "bob", "--org", "acme", "--org", "beta", "--read-authorizations",
                "--write-authorizations");
        alice().run("auth", "promote", bobs.id()).expect(4);
        assertEquals("user", dave.json("auth", "show", bobs.id()).get("kind").asText());
        dave.run("auth", "promote", bobs.id()).expect(0);
    }

    @Test
    void changingOwnerNeedsAdminInEveryOrgTheTokenReaches() {
        Tokenctl.Made bobs = dave.make("--user", "bob", "--org", "acme", "--org", "beta", "--read-authorizations");
        alice().run("auth", "update", bobs.id(), "--owner", "dave").expect(4);
        assertEquals("bob", dave.json("auth", "show", bobs.id()).get("user").asText());
    }

    @Test
    void anIpOrAppRestrictedTokenCannotActAsAnOperator() {
        as(dave.create("--all-access", "--allow-ip", "10.0.0.0/8")).run("user", "create", "trudy").expect(4);
        as(dave.create("--all-access", "--app-default", "deny")).run("auth", "list").expect(4);
    }

    @Test
    void anAdminOfAnyOrgATokenReachesCanSeeItAndCutOnlyHerOrgOut() {
        Tokenctl.Made bobs = dave.make("--user", "bob", "--org", "acme", "--org", "beta", "--read-buckets");
        Tokenctl carol = as(dave.create("--user", "carol", "--org", "beta", "--all-access"));
        carol.run("auth", "show", bobs.id()).expect(0);
        carol.run("auth", "retire", bobs.id()).expect(4);
        carol.run("auth", "revoke-org", bobs.id(), "--org", "beta").expect(0);
        Tokenctl.Made acmeOnly = dave.make("--user", "bob", "--org", "acme", "--read-buckets");
        carol.run("auth", "show", acmeOnly.id()).expect(5);
    }

    @Test
    void aSecretPastedWhereAnIdBelongsIsNeitherEchoedNorStored() throws Exception {
        Tokenctl.Made t = dave.make("--read-buckets");
        Tokenctl.Result r = dave.run("auth", "retire", t.secret()).expect(5);
        assertFalse(r.err().contains(t.secret()), r.err());
        assertTrue(r.err().contains("(find)"), r.err());
        String log = dave.run("audit", "list", "--json", "--limit", "1000").expect(0).out();
        assertFalse(log.contains(t.secret().substring(5, 30)), "not in the audit log");
        assertFalse(dave.storeFilesContain(t.secret().substring(5, 30)), "not in the store");
    }

    @Test
    void offlineVerifyRefusesChecksItCannotMake() throws Exception {
        String jwt = dave.run("auth", "create", "-q", "--format", "jwt", "--read-buckets").expect(0).out().strip();
        Path jwks = Files.writeString(dir.resolve("a.jwks"), dave.run("org", "keys", "jwks", "acme").expect(0).out());
        for (String[] extra : new String[][] {{"--require", "write:buckets"}, {"--ip", "10.0.0.1"}, {"--app", "x"},
            {"--org", "beta"}}) {
            dave.runWithStdin(jwt, "auth", "verify", "--offline", "--jwks", jwks.toString(), extra[0], extra[1]).expect(2);
        }
    }

    @Test
    void aRegenerateWithoutGraceAlsoEndsAnEarlierGraceSecret() {
        Tokenctl.Made t = dave.make("--read-buckets");
        String s2 = dave.run("auth", "regenerate", t.id(), "--grace", "24h", "-q").expect(0).secret();
        String s3 = dave.run("auth", "regenerate", t.id(), "-q").expect(0).secret();
        dave.runWithStdin(t.secret(), "auth", "verify").expect(3);
        dave.runWithStdin(s2, "auth", "verify").expect(3);
        dave.runWithStdin(s3, "auth", "verify").expect(0);
    }

    @Test
    void verifyJudgesPermissionsInOneOrgNotAcrossThem() {
        Tokenctl root = new Tokenctl(dir);
        root.run("user", "create", "rita", "--role", "normal").expect(0);
        String ritas = root.create("--user", "rita", "--all-orgs", "--write-buckets");
        dave.run("user", "create", "rita", "--org", "beta", "--role", "read-only").expect(0);
        dave.runWithStdin(ritas, "auth", "verify", "--require", "write:buckets").expect(0);
        dave.runWithStdin(ritas, "auth", "verify", "--require", "write:buckets", "--org", "acme").expect(0);
        dave.runWithStdin(ritas, "auth", "verify", "--require", "write:buckets", "--org", "beta").expect(4);
        dave.runWithStdin(ritas, "auth", "verify", "--org", "nosuch").expect(4);
    }

    @Test
    void anAddressThatIsNoLiteralIsAUsageError() {
        Tokenctl.Made t = dave.make("--read-buckets");
        dave.runWithStdin(t.secret(), "auth", "verify", "--ip", ".1:2").expect(2);
        dave.run("auth", "create", "--read-buckets", "--allow-ip", ".1:2").expect(2);
    }

    @Test
    @org.junit.jupiter.api.Tag("store") // about the store file itself, which a server holds
    void setupWhoseTokenCannotBeSavedLeavesTheStoreAlone() throws Exception {
        Tokenctl fresh = new Tokenctl(dir.resolve("fresh"));
        Path notADir = Files.createDirectories(dir.resolve("fresh")).resolve("config-file");
        Files.writeString(notADir, "x");
        fresh.env.put("XDG_CONFIG_HOME", notADir.toString());
        fresh.run("setup", "--username", "a", "--org", "b").expect(1);
        assertFalse(Files.exists(fresh.store()), "nothing set up");
        fresh.env.put("XDG_CONFIG_HOME", dir.resolve("fresh/config").toString());
        fresh.run("setup", "--username", "a", "--org", "b").expect(0);
    }

    @Test
    void timesOutsideYears1970To9999AreUsageErrors() {
        Tokenctl.Made t = dave.make("--read-buckets");
        dave.run("auth", "create", "--read-buckets", "--expires", "+999999999-12-31T23:59:59Z").expect(2);
        dave.run("auth", "regenerate", t.id(), "--old-expires", "+999999999-12-31T23:59:59Z").expect(2);
        dave.run("audit", "list", "--since", "-999999999-01-01T00:00:00Z").expect(2);
        dave.run("auth", "create", "--read-buckets", "--expires", "9999-12-31T00:00:00Z").expect(0);
    }

    @Test
    void aCraftedJwtIsRefusedNotACrash() throws Exception {
        Path jwks = Files.writeString(dir.resolve("a.jwks"), dave.run("org", "keys", "jwks", "acme").expect(0).out());
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String crafted = b64.encodeToString("{\"alg\":\"EdDSA\",\"kid\":\"k\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"jti\":\"x\",\"exp\":100000000000000000}".getBytes(StandardCharsets.UTF_8))
                + ".c2lnbmF0dXJl";
        dave.runWithStdin(crafted, "auth", "verify", "--offline", "--jwks", jwks.toString()).expect(3);
        dave.runWithStdin(crafted, "auth", "verify").expect(3);
    }

    @Test
    void anEchoedValueWithANewlineStaysOnOneLine() {
        Tokenctl.Result r = dave.run("auth", "show", "a\nb").expect(2);
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void aUserInNoSharedOrgIsNotFoundNotNamed() {
        Tokenctl carol = as(dave.create("--user", "carol", "--org", "beta", "--all-access"));
        new Tokenctl(dir).run("user", "create", "zed", "--role", "normal").expect(0);
        Tokenctl.Result r = carol.run("user", "delete", "zed", "--yes").expect(5);
        assertFalse(r.err().contains("acme"), r.err());
    }

    @Test
    void daveStillSeesHisOwnWorld() {
        JsonNode orgs = dave.json("org", "list");
        assertEquals(2, orgs.size());
        dave.clock.advance(Duration.ofSeconds(1));
    }
}
