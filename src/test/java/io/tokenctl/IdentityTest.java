package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Users, orgs, account tokens and the audit log, as an org admin and its people live them. */
class IdentityTest extends AdminStore {


    @Test
    void theReadmeStoryAReadOnlyUserCannotMintAWriteTokenAndTheRefusalIsAudited() throws Exception {
        admin.run("user", "create", "bob", "--role", "read-only").expect(0);
        String bobs = admin.create("--user", "bob", "--read-buckets", "--read-authorizations");
        Tokenctl bob = as(bobs);
        Tokenctl.Result r = bob.run("auth", "create", "--write-buckets").expect(4);
        assertTrue(r.err().contains("write:authorizations"), r.err());
        JsonNode events = admin.json("audit", "list", "--actor", "bob");
        JsonNode last = events.get(events.size() - 1);
        assertEquals("create", last.get("action").asText());
        assertEquals("denied", last.get("outcome").asText());
        assertTrue(last.get("reason").asText().contains("write:authorizations"));
    }

    @Test
    void anAdminCannotHandAReadOnlyUserAWriteToken() throws Exception {
        admin.run("user", "create", "bob", "--role", "read-only").expect(0);
        Tokenctl.Result r = admin.run("auth", "create", "--user", "bob", "--read-buckets", "--write-buckets").expect(4);
        assertTrue(r.err().contains("write:buckets") && r.err().contains("bob"), r.err());
        assertEquals(1, admin.json("auth", "list").size(), "nothing written");
    }

    @Test
    void deletingAUserRetiresTheirUserTokensAtOnceAndAccountTokensSurvive() throws Exception {
        admin.run("user", "create", "alice", "--role", "normal").expect(0);
        Tokenctl.Made one = admin.make("--user", "alice", "--read-buckets", "--read-authorizations");
        Tokenctl.Made two = admin.make("--user", "alice", "--write-dashboards");
        Tokenctl.Made account = admin.make("--account", "--read-buckets", "--read-authorizations");
        as(one.secret()).run("auth", "list").expect(0);
        JsonNode deleted = admin.json("user", "delete", "alice", "--yes");
        assertEquals(2, deleted.get("retiredTokenIDs").size());
        for (Tokenctl.Made m : List.of(one, two)) {
            JsonNode t = admin.json("auth", "show", m.id());
            assertEquals("retired", t.get("status").asText());
            assertEquals("owner alice deleted", t.get("retiredReason").asText());
        }
        as(one.secret()).run("auth", "list").expect(3);
        assertEquals("active", admin.json("auth", "show", account.id()).get("status").asText());
        as(account.secret()).run("auth", "list").expect(0);
    }

    @Test
    void aRetiredByDeletionTokenNeverComesBackForANewUserOfTheSameName() throws Exception {
        admin.run("user", "create", "alice").expect(0);
        Tokenctl.Made old = admin.make("--user", "alice", "--read-authorizations");
        String oldUserId = admin.json("auth", "show", old.id()).get("userID").asText();
        admin.run("user", "delete", "alice", "--yes").expect(0);
        JsonNode again = admin.json("user", "create", "alice");
        assertNotEquals(oldUserId, again.get(0).get("userID").asText());
        as(old.secret()).run("auth", "list").expect(3);
        admin.run("auth", "activate", old.id()).expect(1);
        String fresh = admin.create("--user", "alice", "--read-authorizations");
        JsonNode visible = as(fresh).json("auth", "list");
        assertEquals(1, visible.size(), "the new alice sees only her own new token");
    }

    @Test
    void theLastAdminOfAnOrgCannotBeDeleted() {
        Tokenctl.Result r = admin.run("user", "delete", "admin", "--yes").expect(1);
        assertTrue(r.err().contains("last admin"), r.err());
    }

    @Test
    void normalUsersSeeOnlyTheirOwnTokensAndOthersAreNotFound() throws Exception {
        admin.run("user", "create", "alice").expect(0);
        admin.run("user", "create", "carol").expect(0);
        String alice = admin.create("--user", "alice", "--read-authorizations", "--write-authorizations", "--read-buckets");
        Tokenctl.Made carols = admin.make("--user", "carol", "--read-buckets");
        Tokenctl a = as(alice);
        a.create("--read-buckets");
        JsonNode mine = a.json("auth", "list");
        assertEquals(2, mine.size());
        mine.forEach(t -> assertEquals("alice", t.get("user").asText()));
        a.run("auth", "show", carols.id()).expect(5);
        a.run("auth", "retire", carols.id()).expect(5);
        assertEquals(4, admin.json("auth", "list").size(), "the admin sees all of them: its own, alice's two, carol's");
    }

    @Test
    void accountTokensAreListedOnlyToAdmins() throws Exception {
        admin.run("user", "create", "alice").expect(0);
        Tokenctl.Made account = admin.make("--account", "--read-buckets");
        assertEquals("account", admin.json("auth", "show", account.id()).get("kind").asText());
        String alice = admin.create("--user", "alice", "--read-authorizations");
        as(alice).run("auth", "show", account.id()).expect(5);
        for (JsonNode t : as(alice).json("auth", "list")) {
            assertEquals("user", t.get("kind").asText());
        }
    }

    @Test
    void promotionIsIrreversibleAndTheStoreRefusesADemotion() throws Exception {
        admin.run("user", "create", "alice").expect(0);
        Tokenctl.Made t = admin.make("--user", "alice", "--read-buckets", "--read-authorizations");
        assertEquals("account", admin.json("auth", "promote", t.id()).get("kind").asText());
        admin.run("auth", "promote", t.id()).expect(1);
        admin.run("user", "delete", "alice", "--yes").expect(0);
        assertEquals("active", admin.json("auth", "show", t.id()).get("status").asText(), "promoted: outlives alice");
        as(t.secret()).run("auth", "list").expect(0);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + admin.store())) {
            SQLException e = assertThrows(SQLException.class,
                    () -> c.createStatement().executeUpdate("UPDATE tokens SET kind = 'user' WHERE id = '" + t.id() + "'"));
            assertTrue(e.getMessage().contains("cannot be demoted"), e.getMessage());
        }
    }

    @Test
    void anAllOrgsTokenFollowsItsOwnersMembershipsAndAStaticOneDoesNot() throws Exception {
        admin.run("user", "create", "alice").expect(0);
        String dynamic = admin.create("--user", "alice", "--all-orgs", "--read-authorizations", "--read-users");
        String fixed = admin.create("--user", "alice", "--org", "acme", "--read-authorizations", "--read-users");
        admin.run("org", "create", "beta").expect(0);
        assertEquals(List.of("acme"), orgs(as(dynamic)));
        admin.run("user", "create", "alice", "--org", "beta", "--role", "read-only").expect(0);
        assertEquals(List.of("acme", "beta"), orgs(as(dynamic)), "joining beta extends it");
        assertEquals(List.of("acme"), orgs(as(fixed)), "a static list stays as it was");
        admin.run("user", "delete", "alice", "--org", "beta", "--yes").expect(0);
        assertEquals(List.of("acme"), orgs(as(dynamic)), "leaving beta narrows it");
        admin.run("user", "delete", "alice", "--org", "acme", "--yes").expect(0);
        as(dynamic).run("org", "list").expect(3);
    }

    List<String> orgs(Tokenctl t) throws Exception {
        List<String> out = new ArrayList<>();
        t.json("org", "list").forEach(o -> out.add(o.get("name").asText()));
        return out;
    }

    @Test
    void aTokenCanReachSeveralNamedOrgs() throws Exception {
        admin.run("org", "create", "beta").expect(0);
        JsonNode t = admin.json("auth", "create", "--org", "acme", "--org", "beta", "--read-buckets");
        assertEquals(2, t.get("orgIDs").size());
        admin.run("auth", "create", "--org", "nosuch", "--read-buckets").expect(5);
        admin.run("auth", "create", "--org", "acme", "--all-orgs", "--read-buckets").expect(2);
    }

    @Test
    void anAdminOfOneOrgSeesNothingOfAnother() throws Exception {
        admin.run("org", "create", "beta").expect(0);
        admin.run("user", "create", "bea", "--org", "beta", "--role", "admin").expect(0);
        String beas = admin.create("--user", "bea", "--org", "beta", "--all-access");
        Tokenctl bea = as(beas);
        Tokenctl.Made inAcme = admin.make("--read-buckets");
        bea.run("auth", "show", inAcme.id()).expect(5);
        // what bea lists is what bea may show: tokens homed in beta, or reaching it (the setup token reaches every
        // org its owner belongs to, beta too); never the acme-only one
        for (JsonNode t : bea.json("auth", "list")) {
            assertNotEquals(inAcme.id(), t.get("id").asText());
            bea.run("auth", "show", t.get("id").asText()).expect(0);
        }
        bea.run("user", "create", "x", "--org", "acme").expect(5);
        for (JsonNode e : bea.json("audit", "list")) {
            assertNotEquals(admin.json("org", "list").get(0).get("id").asText(), e.get("orgID").asText());
        }
    }

    @Test
    void updateOwnerChecksTheNewOwnersRole() throws Exception {
        admin.run("user", "create", "alice", "--role", "normal").expect(0);
        admin.run("user", "create", "rob", "--role", "read-only").expect(0);
        Tokenctl.Made writer = admin.make("--write-buckets");
        Tokenctl.Result r = admin.run("auth", "update", writer.id(), "--owner", "rob").expect(4);
        assertTrue(r.err().contains("write:buckets"), r.err());
        assertEquals("admin", admin.json("auth", "show", writer.id()).get("user").asText());
        assertEquals("alice", admin.json("auth", "update", writer.id(), "--owner", "alice").get("user").asText());
        admin.run("auth", "update", writer.id(), "--owner", "nobody").expect(5);
    }

    @Test
    void theAuditLogRecordsChangesWithoutSecretsAndCannotBeRewritten() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets");
        admin.run("auth", "regenerate", t.id(), "--grace", "1h").expect(0);
        admin.run("auth", "retire", t.id()).expect(0);
        admin.run("user", "create", "alice").expect(0);
        admin.run("org", "create", "beta").expect(0);
        String log = admin.run("audit", "list", "--json").expect(0).out();
        assertFalse(Tokenctl.SECRET.matcher(log).find(), "no secret in the audit log");
        List<String> actions = new ArrayList<>();
        JSON.readTree(log).forEach(e -> actions.add(e.get("action").asText()));
        assertEquals(List.of("setup", "create", "regenerate", "retire", "user create", "org create"), actions,
                "the setup token reaches every org of its admin, beta too");
        JsonNode e = JSON.readTree(log).get(1);
        for (String f : List.of("at", "actorTokenID", "actorUser", "action", "target", "outcome", "reason")) {
            assertTrue(e.has(f), f);
        }
        assertEquals(t.id(), e.get("target").asText());
        assertEquals(1, admin.json("audit", "list", "--target", t.id(), "--since", "2026-11-23T12:00:00Z").size() - 2);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + admin.store())) {
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("DELETE FROM audit"));
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("UPDATE audit SET outcome = 'allowed'"));
        }
    }

    @Test
    void auditListPages() throws Exception {
        for (int i = 0; i < 5; i++) {
            admin.make("--read-buckets");
        }
        Tokenctl.Result first = admin.run("audit", "list", "--limit", "4", "--json").expect(0);
        assertEquals(4, JSON.readTree(first.out()).size());
        String after = first.err().replaceAll("(?s).*--after (\\d+).*", "$1").strip();
        JsonNode rest = admin.json("audit", "list", "--after", after);
        assertEquals(2, rest.size());
        admin.run("audit", "list", "--since", "yesterday").expect(2);
    }
}
