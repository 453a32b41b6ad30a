package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A service asks "is this token good for this use?" and gets the right answer, with the right exit code. */
class VerifyTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Tokenctl admin;
    /** The verifying service: same store, no operator token at all. */
    Tokenctl service;

    @BeforeEach
    void setUp() {
        admin = new Tokenctl(dir);
        admin.setup();
        service = new Tokenctl(dir);
        Path empty = dir.resolve("nobody-config");
        service.env.put("XDG_CONFIG_HOME", empty.toString());
        service.env.put("TOKENCTL_STORE", admin.store().toString());
    }

    Tokenctl.Result verify(String secret, String... flags) {
        service.clock.set(admin.clock.instant());
        List<String> args = new ArrayList<>(List.of("auth", "verify"));
        args.addAll(List.of(flags));
        return service.runWithStdin(secret, args.toArray(String[]::new));
    }

    JsonNode answer(Tokenctl.Result r) throws Exception {
        return JSON.readTree(r.out());
    }

    /** The same verify by the admin, who may see every token and so hears why a dead secret failed. */
    JsonNode detail(String secret, int exit) throws Exception {
        return answer(admin.runWithStdin(secret, "auth", "verify").expect(exit));
    }

    /** What an anonymous verifier hears of a dead secret: no more than of one never issued, and no id. */
    static void learnsNothing(JsonNode a) {
        assertFalse(a.get("active").asBoolean(), a.toString());
        assertEquals("invalid_token", a.get("error").asText(), a.toString());
        assertEquals("unknown, expired or revoked token", a.get("reason").asText(), a.toString());
        assertFalse(a.has("id"), a.toString());
    }

    JsonNode show(String id) throws Exception {
        return JSON.readTree(admin.run("auth", "show", id, "--json").expect(0).out());
    }

    @Test
    void aGoodTokenIsActiveAndTheAnswerNeverHoldsTheSecret() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets", "--write-bucket", "b1");
        Tokenctl.Result r = verify(t.secret()).expect(0);
        JsonNode a = answer(r);
        assertTrue(a.get("active").asBoolean());
        assertEquals(t.id(), a.get("id").asText());
        assertEquals("user", a.get("kind").asText());
        assertEquals(2, a.get("permissions").size());
        assertEquals(1, a.get("orgIDs").size());
        assertFalse(r.out().contains(t.secret()) || r.err().contains(t.secret()));
        assertEquals("", verify(t.secret(), "-q").expect(0).out());
    }

    @Test
    @org.junit.jupiter.api.Tag("store") // about the store file itself, which a server holds
    void aChecksumInvalidTokenIsRefusedWithoutTouchingTheStore() throws Exception {
        Tokenctl lonely = new Tokenctl(dir.resolve("elsewhere"));
        String good = io.tokenctl.core.Secrets.generate(new SecureRandom());
        String typo = good.substring(0, 20) + (good.charAt(20) == 'x' ? 'y' : 'x') + good.substring(21);
        Tokenctl.Result r = lonely.runWithStdin(typo, "auth", "verify").expect(3);
        assertFalse(answer(r).get("active").asBoolean());
        assertFalse(Files.exists(lonely.store()), "no store was opened, let alone created");
        lonely.runWithStdin("not even close", "auth", "verify").expect(3);
    }

    @Test
    void anUnknownTokenIsRefused() throws Exception {
        Tokenctl.Result r = verify(io.tokenctl.core.Secrets.generate(new SecureRandom())).expect(3);
        assertEquals("invalid_token", answer(r).get("error").asText());
    }

    @Test
    void noStdinIsAUsageError() {
        verify("").expect(2);
    }

    @Test
    void expiryPassesUntilTheInstantAndListingsShowWhatLapsesSoon() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets", "--expires", "2d");
        Tokenctl.Made later = admin.make("--read-buckets", "--expires", "30d");
        JsonNode soon = JSON.readTree(admin.run("auth", "list", "--expiring-within", "7d", "--json").expect(0).out());
        assertEquals(1, soon.size());
        assertEquals(t.id(), soon.get(0).get("id").asText());
        admin.clock.advance(Duration.ofDays(2).minusSeconds(1));
        verify(t.secret()).expect(0);
        admin.clock.advance(Duration.ofSeconds(1));
        learnsNothing(answer(verify(t.secret()).expect(3)));
        assertTrue(detail(t.secret(), 3).get("reason").asText().contains("expired"));
        assertEquals("expired", show(t.id()).get("status").asText());
        verify(later.secret()).expect(0);
        admin.run("auth", "list", "--expiring-within", "soon").expect(2);
    }

    @Test
    void inactiveAndRetiredTokensAreRefused() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets");
        admin.run("auth", "deactivate", t.id()).expect(0);
        verify(t.secret()).expect(3);
        admin.run("auth", "activate", t.id()).expect(0);
        verify(t.secret()).expect(0);
        admin.run("auth", "retire", t.id()).expect(0);
        learnsNothing(answer(verify(t.secret()).expect(3)));
        assertTrue(detail(t.secret(), 3).get("reason").asText().contains("retired"));
    }

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @CsvSource({
        "10.0.0.0/8, 10.0.0.0, 0", "10.0.0.0/8, 10.255.255.255, 0", "10.0.0.0/8, 11.0.0.0, 4", "10.0.0.0/8, 9.255.255.255, 4",
        "192.168.1.7, 192.168.1.7, 0", "192.168.1.7, 192.168.1.8, 4", "0.0.0.0/0, 203.0.113.9, 0",
        "10.1.2.0/23, 10.1.3.255, 0", "10.1.2.0/23, 10.1.4.0, 4",
        "2001:db8::/32, 2001:db8:ffff::1, 0", "2001:db8::/32, 2001:db9::1, 4", "2001:db8::/32, 10.0.0.1, 4",
        "10.0.0.0/8, ::ffff:10.0.0.1, 0", "::1, ::1, 0", "::/0, fe80::1, 0", "fe80::/10, febf::1, 0", "fe80::/10, fec0::1, 4"})
    void ipFiltersMatchIpv4AndIpv6Networks(String cidr, String ip, int expected) {
        Tokenctl.Made t = admin.make("--read-buckets", "--allow-ip", cidr);
        verify(t.secret(), "--ip", ip).expect(expected);
    }

    @Test
    void anIpRestrictedTokenWithoutAnIpIsForbidden() {
        Tokenctl.Made t = admin.make("--read-buckets", "--allow-ip", "10.0.0.0/8", "--allow-ip", "2001:db8::/32");
        verify(t.secret()).expect(4);
        verify(t.secret(), "--ip", "2001:db8::5").expect(0);
    }

    @Test
    void badNetworksAndAddressesAreUsageErrors() {
        for (String bad : List.of("10.0.0.0/33", "300.1.1.1", "10.0.0", "example.com", "2001:db8::/129", "10.0.0.0/x")) {
            Tokenctl.Result r = admin.run("auth", "create", "--read-buckets", "--allow-ip", bad).expect(2);
            assertTrue(r.err().contains(bad), r.err());
        }
        Tokenctl.Made t = admin.make("--read-buckets");
        verify(t.secret(), "--ip", "localhost").expect(2);
    }

    @Test
    void appsFollowTheTokensDefaultUntilAnOwnerDecides() throws Exception {
        Tokenctl.Made pending = admin.make("--read-buckets", "--app-default", "pending");
        JsonNode first = answer(verify(pending.secret(), "--app", "grafana").expect(3));
        assertTrue(first.get("reason").asText().contains("pending"));
        verify(pending.secret()).expect(3);
        JsonNode apps = JSON.readTree(admin.run("auth", "apps", pending.id(), "--json").expect(0).out());
        assertEquals("grafana", apps.get(0).get("app").asText());
        assertEquals("pending", apps.get(0).get("state").asText());
        admin.run("auth", "approve-app", pending.id(), "grafana").expect(0);
        verify(pending.secret(), "--app", "grafana").expect(0);
        admin.run("auth", "deny-app", pending.id(), "grafana").expect(0);
        verify(pending.secret(), "--app", "grafana").expect(4);
        verify(pending.secret(), "--app", "other").expect(3);

        Tokenctl.Made denying = admin.make("--read-buckets", "--app-default", "deny");
        verify(denying.secret(), "--app", "script").expect(4);
        admin.run("auth", "approve-app", denying.id(), "trusted").expect(0);
        verify(denying.secret(), "--app", "trusted").expect(0);

        Tokenctl.Made open = admin.make("--read-buckets");
        verify(open.secret(), "--app", "anything").expect(0);
        verify(open.secret()).expect(0);
        assertEquals("allow", JSON.readTree(admin.run("auth", "apps", open.id(), "--json").out()).get(0).get("state").asText());
        admin.run("auth", "create", "--read-buckets", "--app-default", "maybe").expect(2);
    }

    @Test
    void appDecisionsAreForTheOwnerOrAnAdminAndAudited() throws Exception {
        admin.run("user", "create", "alice").expect(0);
        admin.run("user", "create", "carol").expect(0);
        String alice = admin.create("--user", "alice", "--read-authorizations", "--write-authorizations");
        Tokenctl.Made carols = admin.make("--user", "carol", "--read-buckets", "--app-default", "pending");
        Tokenctl a = new Tokenctl(dir);
        a.env.put("TOKENCTL_TOKEN", alice);
        a.run("auth", "approve-app", carols.id(), "x").expect(5);
        admin.run("auth", "approve-app", carols.id(), "x").expect(0);
        JsonNode log = JSON.readTree(admin.run("audit", "list", "--target", carols.id(), "--json").expect(0).out());
        assertEquals("approve-app", log.get(log.size() - 1).get("action").asText());
    }

    @Test
    void requiredPermissionsAreCheckedIncludingSingleResources() {
        Tokenctl.Made t = admin.make("--read-buckets", "--write-bucket", "b1");
        verify(t.secret(), "--require", "read:buckets").expect(0);
        verify(t.secret(), "--require", "read:buckets/anything").expect(0);
        verify(t.secret(), "--require", "write:buckets/b1").expect(0);
        verify(t.secret(), "--require", "write:buckets/b2").expect(4);
        verify(t.secret(), "--require", "write:buckets").expect(4);
        verify(t.secret(), "--require", "read:dashboards").expect(4);
        verify(t.secret(), "--require", "read:buckets", "--require", "write:buckets/b1").expect(0);
        verify(t.secret(), "--require", "fly:buckets").expect(2);
    }

    @Test
    void aTokenNeverVerifiesForMoreThanItsOwnersRole() throws Exception {
        admin.run("user", "create", "rob", "--role", "read-only").expect(0);
        admin.run("org", "create", "beta").expect(0);
        admin.run("user", "create", "rob", "--org", "beta", "--role", "admin").expect(0);
        Tokenctl.Made t = admin.make("--user", "rob", "--org", "beta", "--write-buckets");
        verify(t.secret(), "--require", "write:buckets").expect(0);
        admin.run("user", "delete", "rob", "--org", "beta", "--yes").expect(0);
        verify(t.secret(), "--require", "write:buckets").expect(3);
    }

    @Test
    void lastUseIsRecordedWithTimeIpAndApp() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets");
        assertTrue(show(t.id()).get("lastUsedAt").isNull());
        admin.clock.advance(Duration.ofMinutes(5));
        verify(t.secret(), "--ip", "10.9.8.7", "--app", "ci").expect(0);
        verify(t.secret(), "--ip", "10.9.8.8", "--app", "ci").expect(0);
        JsonNode s = show(t.id());
        assertEquals(admin.clock.instant().toString(), s.get("lastUsedAt").asText());
        assertEquals("10.9.8.8", s.get("lastUsedIP").asText());
        assertEquals("ci", s.get("lastUsedApp").asText());
        assertEquals(2, s.get("useCount").asInt());
        verify(t.secret(), "--require", "write:buckets").expect(4);
        assertEquals(2, show(t.id()).get("useCount").asInt(), "a refused verify is not a use");
    }

    @Test
    void failedVerifiesAreAuditedWithTheTokenIdAndNeverTheSecret() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets", "--allow-ip", "10.0.0.0/8");
        verify(t.secret(), "--ip", "8.8.8.8").expect(4);
        String log = admin.run("audit", "list", "--json").expect(0).out();
        JsonNode events = JSON.readTree(log);
        JsonNode last = events.get(events.size() - 1);
        assertEquals("verify", last.get("action").asText());
        assertEquals("denied", last.get("outcome").asText());
        assertEquals(t.id(), last.get("target").asText());
        assertFalse(log.contains(t.secret()));
        assertFalse(admin.storeFilesContain(t.secret()));
    }

    @Test
    void duringGraceBothSecretsVerifyAfterItOnlyTheNewOneAndReuseIsALikelyLeak() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets");
        String fresh = admin.run("auth", "regenerate", t.id(), "--grace", "1h", "-q").expect(0).secret();
        admin.clock.advance(Duration.ofMinutes(59));
        verify(t.secret()).expect(0);
        verify(fresh).expect(0);
        admin.clock.advance(Duration.ofMinutes(1));
        learnsNothing(answer(verify(t.secret()).expect(3)));
        JsonNode late = detail(t.secret(), 3);
        assertTrue(late.get("reason").asText().contains("likely leaked"), late.toString());
        verify(fresh).expect(0);
        JsonNode events = JSON.readTree(admin.run("audit", "list", "--target", t.id(), "--json").expect(0).out());
        assertTrue(events.get(events.size() - 1).get("reason").asText().contains("likely leaked"));
        assertEquals("active", show(t.id()).get("status").asText(), "without --revoke-on-reuse the token lives on");
    }

    @Test
    void revokeOnReuseRetiresTheWholeTokenWhenAnOldSecretComesBack() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets");
        String fresh = admin.run("auth", "regenerate", t.id(), "--revoke-on-reuse", "-q").expect(0).secret();
        verify(fresh).expect(0);
        verify(t.secret()).expect(3);
        JsonNode s = show(t.id());
        assertEquals("retired", s.get("status").asText());
        assertTrue(s.get("retiredReason").asText().contains("leak"));
        verify(fresh).expect(3);
    }

    @Test
    void anOldSecretReusedAsAnOperatorTokenIsALikelyLeakToo() throws Exception {
        Tokenctl.Made op = admin.make("--all-access");
        admin.run("auth", "regenerate", op.id(), "--revoke-on-reuse", "-q").expect(0);
        Tokenctl thief = new Tokenctl(dir);
        thief.clock.set(admin.clock.instant());
        thief.env.put("TOKENCTL_TOKEN", op.secret());
        thief.run("auth", "list").expect(3);
        JsonNode s = show(op.id());
        assertEquals("retired", s.get("status").asText());
        JsonNode events = admin.json("audit", "list", "--target", op.id());
        assertTrue(events.toString().contains("likely leak"), events.toString());
        assertFalse(events.toString().contains(op.secret()));
    }

    @Test
    void verifyNeedsNoOperatorToken() {
        Tokenctl.Made t = admin.make("--read-buckets");
        service.env.remove("TOKENCTL_TOKEN");
        verify(t.secret()).expect(0);
        service.run("auth", "list").expect(3);
    }
}
