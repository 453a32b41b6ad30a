package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The holes a hostile probe found (issue 11), each as the attacker or the operator at 2 a.m. meets it. */
class SecurityHolesTest extends AdminStore {


    long auditCount() {
        return admin.json("audit", "list", "--limit", "10000").size();
    }

    // --- 1. one org's admin must not end another org's access

    @Test
    void theProbesReproAnAdminOfStagingCannotLockAcmesAdminOut() {
        Tokenctl sam = sam();
        String adminId = null;
        for (JsonNode e : sam.json("audit", "list")) {
            if (e.get("actorUser").asText().equals("admin")) {
                adminId = e.get("actorTokenID").asText();
            }
        }
        assertTrue(adminId != null, "the admin's operator token reaches staging, so staging's admin may see it");
        for (String action : new String[] {"deactivate", "retire", "delete", "regenerate", "promote"}) {
            Tokenctl.Result r = (action.equals("delete") ? sam.run("auth", action, adminId, "--yes")
                    : sam.run("auth", action, adminId)).expect(4);
            assertTrue(r.err().contains("acme"), r.err());
        }
        sam.run("auth", "update", adminId, "--description", "pwned").expect(4);
        admin.run("auth", "list").expect(0);
        assertEquals("active", admin.json("auth", "show", adminId).get("status").asText());
        // what sam may do: cut staging out of its reach; acme keeps its admin
        sam.run("auth", "revoke-org", adminId, "--org", "staging").expect(0);
        admin.run("auth", "list").expect(0);
        admin.run("user", "list", "--org", "staging").expect(5);
    }

    @Test
    void anOrgAdminsAuditLogShowsTokensOfOtherOrgsAsAnotherOrg() {
        Tokenctl sam = sam();
        Tokenctl.Made both = admin.make("--org", "acme", "--org", "staging", "--all-access");
        as(both.secret()).run("user", "create", "stan", "--org", "staging").expect(0);
        assertTrue(sam.json("audit", "list").toString().contains(both.id()), "while it reaches staging, sam sees it");
        sam.run("auth", "revoke-org", both.id(), "--org", "staging").expect(0);
        JsonNode events = sam.json("audit", "list");
        boolean masked = false;
        for (JsonNode e : events) {
            assertFalse(e.get("actorTokenID").asText().equals(both.id()), "its id is acme's business now: " + e);
            if (e.get("target").asText().equals("user:stan")) {
                assertEquals("(another org)", e.get("actorUser").asText());
                assertTrue(e.get("actorTokenID").isNull());
                masked = true;
            }
        }
        assertTrue(masked, events.toString());
        assertFalse(sam.json("audit", "list", "--actor", "admin").toString().contains(both.id()));
        assertTrue(admin.json("audit", "list").toString().contains(both.id()), "acme's admin still sees it");
    }

    @Test
    void aCloneOfAnAllOrgsTokenKeepsTheOrgsCutOutOfIt() {
        Tokenctl sam = sam();
        Tokenctl.Made all = admin.make("--all-orgs", "--read-buckets");
        sam.run("auth", "revoke-org", all.id(), "--org", "staging").expect(0);
        String clone = admin.create("--all-orgs", "--read-buckets"); // unrelated control: reaches staging
        admin.runWithStdin(clone, "auth", "verify", "--org", "staging").expect(0);
        String cloned = admin.run("auth", "clone", all.id(), "-q").expect(0).secret();
        admin.runWithStdin(cloned, "auth", "verify", "--org", "staging").expect(4);
        admin.runWithStdin(cloned, "auth", "verify", "--org", "acme").expect(0);
    }

    // --- 2. no terminal escapes or forged lines through the audit log

    static final String FORGED = "x\033]0;PWNED\007\033[2J\n5 2026-01-01 admin create 0123456789abcdef allowed";

    @Test
    void aForgedIdIsAUsageErrorShownEscapedAndNeverAudited() {
        admin.run("user", "create", "rob", "--role", "read-only").expect(0);
        Tokenctl rob = as(admin.create("--user", "rob", "--read-authorizations"));
        long before = auditCount();
        Tokenctl.Result r = rob.run("auth", "show", FORGED).expect(2);
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\033") || r.err().contains("\007"), "raw escapes on stderr: " + r.err());
        assertTrue(r.err().contains("\\u001b]0;PWNED") && r.err().contains("16 lowercase hex"), r.err());
        assertEquals(before, auditCount(), "a malformed id is not a lookup, so not audited");
        String table = admin.run("audit", "list").expect(0).out();
        assertFalse(table.contains("\033") || table.contains("PWNED"), table);
    }

    @Test
    void aHugeIdIsCutShortInTheErrorAndNeverStored() throws Exception {
        long before = auditCount();
        Tokenctl.Result r = admin.run("auth", "retire", "a".repeat(100_000)).expect(2);
        assertTrue(r.err().length() < 400, r.err().length() + " characters");
        assertTrue(r.err().contains("100000 characters"), r.err());
        assertEquals(before, auditCount());
        admin.run("auth", "show", "nosuch").expect(5); // the shape of a name, not of an id: not found, as ever
    }

    @Test
    void auditRowsHoldingEscapesPrintEscapedInTheTable() throws Exception {
        // as an older tokenctl could have stored them
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + admin.store())) {
            String orgId;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id FROM orgs")) {
                rs.next();
                orgId = rs.getString(1);
            }
            var st = c.prepareStatement("INSERT INTO audit (at, actor_user, org_id, action, target, outcome, reason)"
                    + " VALUES (0, 'verifier', ?, 'verify', ?, 'denied', ?)");
            st.setString(1, orgId);
            st.setString(2, FORGED);
            st.setString(3, "bidi \u202e reversed, C1 \u009b2J, zero\u200bwidth");
            st.execute();
        }
        String table = admin.run("audit", "list").expect(0).out();
        assertEquals(3, table.strip().lines().count(), "the header and two real rows, no forged one: " + table);
        for (String raw : new String[] {"\033", "\007", "\u202e", "\u009b", "\u200b"}) {
            assertFalse(table.contains(raw), "raw U+" + Integer.toHexString(raw.charAt(0)) + " in " + table);
        }
        assertTrue(table.contains("\\u202e") && table.contains("\\u009b") && table.contains("\\u200b"), table);
        assertTrue(admin.json("audit", "list").toString().contains("\\u001B"), "--json escapes them as JSON does");
    }

    @Test
    void namesAndDescriptionsRefuseInvisibleCharactersAndCountCodePoints() {
        Tokenctl.Made t = admin.make("--read-buckets");
        admin.run("auth", "approve-app", t.id(), "graf\u200bana").expect(2);
        admin.run("auth", "approve-app", t.id(), "graf\u009bana").expect(2);
        admin.runWithStdin(t.secret(), "auth", "verify", "--app", "graf\u202eana").expect(2);
        admin.run("auth", "create", "--read-buckets", "--description", "CI \u202ereader").expect(2);
        admin.run("auth", "create", "--read-buckets", "--description", "CI \u009b2J").expect(2);
        admin.run("user", "create", "graf\u200dana").expect(2);
        String emoji = "\uD83D\uDD11";
        admin.run("auth", "create", "--read-buckets", "--description", emoji.repeat(256)).expect(0);
        Tokenctl.Result r = admin.run("auth", "create", "--read-buckets", "--description", emoji.repeat(257)).expect(2);
        assertTrue(r.err().contains("257 characters"), r.err());
        assertTrue(admin.json("auth", "apps", t.id()).isEmpty(), "no look-alike app was recorded");
    }

    // --- 3. what an unauthenticated verify reveals and writes

    @Test
    void anAnonymousVerifierLearnsNothingOfASupersededSecret() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets");
        admin.run("auth", "regenerate", t.id(), "-q").expect(0);
        Tokenctl anonymous = new Tokenctl(dir);
        anonymous.env.put("XDG_CONFIG_HOME", dir.resolve("nobody").toString());
        anonymous.env.put("TOKENCTL_STORE", admin.store().toString());
        anonymous.clock.set(admin.clock.instant());
        String out = anonymous.runWithStdin(t.secret(), "auth", "verify").expect(3).out();
        assertFalse(out.contains(t.id()) || out.contains("superseded") || out.contains("20"), out);
        assertEquals("invalid_token", JSON.readTree(out).get("error").asText());
        String detail = admin.runWithStdin(t.secret(), "auth", "verify").expect(3).out();
        assertTrue(detail.contains(t.id()) && detail.contains("likely leaked"), "who may see the token hears why");
        assertTrue(admin.json("audit", "list", "--target", t.id()).toString().contains("likely leaked"));
    }

    // --- 4. smaller holes

    @Test
    void aDeactivationFromAboveHoldsUntilSomeoneOfThatStandingLiftsIt() {
        admin.run("user", "create", "alice", "--role", "normal").expect(0);
        Tokenctl.Made own = admin.make("--user", "alice", "--read-buckets", "--write-authorizations",
                "--read-authorizations");
        Tokenctl alice = as(own.secret());
        Tokenctl.Made other = alice.make("--read-buckets");
        admin.run("auth", "deactivate", other.id()).expect(0);
        JsonNode shown = admin.json("auth", "show", other.id());
        assertEquals("admin", shown.get("deactivatedBy").asText());
        assertTrue(shown.get("deactivatedAbove").asBoolean());
        assertTrue(admin.run("auth", "show", other.id()).expect(0).out().contains("Deactivated  by admin, above"));
        Tokenctl.Result r = alice.run("auth", "activate", other.id()).expect(4);
        assertTrue(r.err().contains("deactivated by admin"), r.err());
        assertEquals("inactive", admin.json("auth", "show", other.id()).get("status").asText());
        admin.run("auth", "activate", other.id()).expect(0);
        // her own deactivation she may lift herself
        alice.run("auth", "deactivate", other.id()).expect(0);
        assertFalse(admin.json("auth", "show", other.id()).get("deactivatedAbove").asBoolean());
        alice.run("auth", "activate", other.id()).expect(0);
    }

    @Test
    void aReadCommandLeavesAnEmptyFileByteForByteAsItWas() throws Exception {
        Path empty = dir.resolve("empty.db");
        Files.createFile(empty);
        for (String[] cmd : new String[][] {{"auth", "list"}, {"audit", "list"}, {"user", "list"}, {"org", "list"}}) {
            String[] args = new String[cmd.length + 2];
            args[0] = "--store";
            args[1] = empty.toString();
            System.arraycopy(cmd, 0, args, 2, cmd.length);
            Tokenctl.Result r = admin.run(args).expect(1);
            assertTrue(r.err().contains("empty") && r.err().contains("untouched"), r.err());
        }
        admin.runWithStdin(admin.create("--read-buckets"), "--store", empty.toString(), "auth", "verify").expect(1);
        new Tokenctl(dir.resolve("elsewhere")).run("--store", empty.toString(), "setup", "--username", "a", "--org", "b")
                .expect(1);
        assertEquals(0, Files.size(empty));
        assertFalse(Files.exists(Path.of(empty + "-wal")) || Files.exists(Path.of(empty + "-shm")));
    }

    @Test
    void readsWorkInAReadOnlyFolderWhileWritesSayWhatToDoAndAVerifyKeepsItsVerdict() throws Exception {
        try (Tmpfs fs = Tmpfs.mount(dir.resolve("ro"), "4m")) {
            Tokenctl op = onStore(fs.dir().resolve("t.db"));
            Tokenctl.Made t = op.make("--read-buckets");
            fs.readOnly();
            op.run("auth", "list").expect(0);
            op.run("auth", "show", t.id()).expect(0);
            op.run("audit", "list").expect(0);
            Tokenctl.Result v = op.runWithStdin(t.secret(), "auth", "verify").expect(0);
            assertTrue(JSON.readTree(v.out()).get("active").asBoolean());
            assertEquals(1, v.err().strip().lines().count(), v.err());
            assertTrue(v.err().contains("could not be recorded") && v.err().contains("read-only"), v.err());
            Tokenctl.Result w = op.run("auth", "create", "--read-buckets").expect(1);
            assertTrue(w.err().contains("read-only") && w.err().contains("nothing was changed"), w.err());
            assertFalse(w.err().contains("SQLITE") || w.err().contains("Exception"), w.err());
        }
    }

    @Test
    void onAFullDiskReadsWorkAndAWriteFailsInOneLineWithNothingHalfWritten() throws Exception {
        try (Tmpfs fs = Tmpfs.mount(dir.resolve("full"), "2m")) {
            Tokenctl op = onStore(fs.dir().resolve("t.db"));
            op.make("--read-buckets");
            String before = op.run("auth", "list", "--json").expect(0).out();
            Path filler = fs.fill();
            assertEquals(before, op.run("auth", "list", "--json").expect(0).out());
            op.run("audit", "list").expect(0);
            Tokenctl.Result w = op.run("auth", "create", "--read-buckets").expect(1);
            assertTrue(w.err().contains("full") && w.err().contains("free some space"), w.err());
            assertEquals(1, w.err().strip().lines().count(), w.err());
            Files.delete(filler);
            assertEquals(before, op.run("auth", "list", "--json").expect(0).out(), "nothing half-written");
            op.run("auth", "create", "--read-buckets").expect(0);
        }
    }

    /** An operator whose store lives at {@code store} (set up there), with config in the test's own folder. */
    private Tokenctl onStore(Path store) {
        Tokenctl op = new Tokenctl(dir.resolve("op"));
        op.env.put("TOKENCTL_STORE", store.toString());
        op.setup();
        return op;
    }

    @Test
    void refusedVerifiesOfADeadTokenAreCountedNotWrittenOneByOne() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets");
        admin.run("auth", "retire", t.id()).expect(0);
        java.security.SecureRandom random = new java.security.SecureRandom();
        io.tokenctl.core.Engine engine = new io.tokenctl.core.Engine(admin.store(), admin.clock, () -> random);
        io.tokenctl.api.TokenService server = engine.as(null);
        try {
            long version = dataVersionAfter(() -> {
                for (int i = 0; i < 500; i++) {
                    assertFalse(server.verify(new io.tokenctl.api.Requests.Verify(t.secret(), null, null,
                            java.util.List.of())).active());
                }
            });
            assertEquals(0, version, "500 refusals, no write transaction");
            engine.flushUsage();
            assertEquals(1, refusalsOf(t.id()), "one audit row for them all");
            assertTrue(admin.json("audit", "list", "--target", t.id()).toString().contains("presented 500 times"));
            for (int i = 0; i < 10; i++) {
                server.verify(new io.tokenctl.api.Requests.Verify(t.secret(), null, null, java.util.List.of()));
            }
            admin.clock.advance(Duration.ofSeconds(30));
            engine.flushUsage();
            assertEquals(1, refusalsOf(t.id()), "at most one a minute");
            admin.clock.advance(Duration.ofSeconds(30));
            engine.flushUsage();
            assertEquals(2, refusalsOf(t.id()));
            assertTrue(admin.json("audit", "list", "--target", t.id()).toString().contains("presented 10 times"));
        } finally {
            engine.close();
        }
    }

    private long refusalsOf(String id) {
        long n = 0;
        for (JsonNode e : admin.json("audit", "list", "--target", id)) {
            if (e.get("action").asText().equals("verify")) {
                n++;
            }
        }
        return n;
    }

    /** How many commits other connections made to the store while {@code work} ran (SQLite's data_version). */
    private long dataVersionAfter(Runnable work) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + admin.store())) {
            long before = dataVersion(c);
            work.run();
            return dataVersion(c) - before;
        }
    }

    private static long dataVersion(Connection c) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aLikelyLeakIsAuditedAtOnceTheFirstTime() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets");
        admin.run("auth", "regenerate", t.id(), "-q").expect(0);
        io.tokenctl.core.LocalTokenService server = new io.tokenctl.core.LocalTokenService(admin.store(), null,
                admin.clock, new java.security.SecureRandom());
        try {
            server.verify(new io.tokenctl.api.Requests.Verify(t.secret(), null, null, java.util.List.of()));
            assertEquals(1, refusalsOf(t.id()), "before any flush");
            server.verify(new io.tokenctl.api.Requests.Verify(t.secret(), null, null, java.util.List.of()));
            assertEquals(1, refusalsOf(t.id()), "the next ones are counted");
        } finally {
            server.close();
        }
        assertEquals(2, refusalsOf(t.id()));
    }
}
