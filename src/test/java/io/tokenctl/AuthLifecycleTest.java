package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthLifecycleTest extends AdminStore {


    String newToken(String... flags) throws Exception {
        List<String> a = new ArrayList<>(List.of("auth", "create"));
        a.addAll(List.of(flags));
        return admin.json(a.toArray(String[]::new)).get("id").asText();
    }

    /** Whether a secret still authenticates, tried as the operator token of a listing. */
    boolean works(String secret) {
        Tokenctl other = new Tokenctl(dir);
        other.env.put("TOKENCTL_TOKEN", secret);
        int code = other.run("auth", "list").exit();
        assertTrue(code == 0 || code == 3, "exit " + code);
        return code == 0;
    }

    @Test
    void listShowsATableWithHeadersOrWithout() throws Exception {
        newToken("--read-buckets", "--description", "reader");
        String table = admin.run("auth", "list").expect(0).out();
        assertTrue(table.startsWith("ID "), table);
        assertTrue(table.contains("reader"));
        String bare = admin.run("auth", "list", "--hide-headers").expect(0).out();
        assertFalse(bare.contains("DESCRIPTION"));
        assertEquals(table.lines().count() - 1, bare.lines().count());
    }

    @Test
    void listPagesWithLimitAndAfter() throws Exception {
        for (int i = 0; i < 7; i++) {
            newToken("--read-buckets", "--description", "t" + i);
        }
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        while (true) {
            List<String> args = new ArrayList<>(List.of("auth", "list", "--limit", "3", "--json"));
            if (after != null) {
                args.addAll(List.of("--after", after));
            }
            Tokenctl.Result r = admin.run(args.toArray(String[]::new)).expect(0);
            JsonNode page = JSON.readTree(r.out());
            pages++;
            for (JsonNode n : page) {
                assertTrue(seen.add(n.get("id").asText()), "no token twice");
            }
            if (!r.err().contains("--after")) {
                break;
            }
            after = page.get(page.size() - 1).get("id").asText();
        }
        assertEquals(8, seen.size());
        assertEquals(3, pages);
    }

    @Test
    void listFiltersByStatus() throws Exception {
        String a = newToken("--read-buckets");
        String b = newToken("--read-buckets");
        admin.run("auth", "deactivate", b).expect(0);
        String c = newToken("--read-buckets");
        admin.run("auth", "retire", c).expect(0);
        String d = newToken("--read-buckets", "--expires", "1h");
        admin.clock.advance(Duration.ofHours(1));
        assertEquals(List.of(b), ids(admin.json("auth", "list", "--status", "inactive")));
        assertEquals(List.of(c), ids(admin.json("auth", "list", "--status", "retired")));
        assertEquals(List.of(d), ids(admin.json("auth", "list", "--status", "expired")));
        assertTrue(ids(admin.json("auth", "list", "--status", "active")).contains(a));
        assertFalse(ids(admin.json("auth", "list", "--status", "active")).contains(d));
    }

    static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    @Test
    void showsAnUnknownIdAsNotFound() {
        Tokenctl.Result r = admin.run("auth", "show", "0123456789abcdef").expect(5);
        assertTrue(r.err().contains("0123456789abcdef"));
        admin.run("auth", "show", "nosuch").expect(5);
        for (String cmd : List.of("retire", "delete", "activate", "deactivate", "regenerate", "clone")) {
            (cmd.equals("delete") ? admin.run("auth", cmd, "0123456789abcdef", "--yes")
                    : admin.run("auth", cmd, "0123456789abcdef")).expect(5);
        }
    }

    @Test
    void updateChangesDescriptionAndExpiryOnly() throws Exception {
        String id = newToken("--read-buckets");
        JsonNode before = admin.json("auth", "show", id);
        admin.clock.advance(Duration.ofMinutes(1));
        JsonNode after = admin.json("auth", "update", id, "--description", "renamed", "--expires", "30d");
        assertEquals("renamed", after.get("description").asText());
        assertEquals(admin.clock.instant().plus(Duration.ofDays(30)).toString(), after.get("expiresAt").asText());
        assertEquals(before.get("permissions"), after.get("permissions"));
        assertNotEquals(before.get("updatedAt"), after.get("updatedAt"));
        assertTrue(admin.json("auth", "update", id, "--expires", "never").get("expiresAt").isNull());
        admin.run("auth", "update", id).expect(2);
        admin.run("auth", "update", id, "--expires", "yesterday").expect(2);
    }

    @Test
    void deactivateStopsATokenAndActivateBringsItBack() throws Exception {
        Tokenctl.Made made = admin.make("--read-authorizations");
        String secret = made.secret();
        String id = made.id();
        assertTrue(works(secret));
        assertEquals("inactive", admin.json("auth", "deactivate", id).get("status").asText());
        assertFalse(works(secret));
        assertEquals("active", admin.json("auth", "activate", id).get("status").asText());
        assertTrue(works(secret));
    }

    @Test
    void retireIsFinalAndKeepsTheRow() throws Exception {
        Tokenctl.Made made = admin.make("--read-authorizations");
        String secret = made.secret();
        String id = made.id();
        assertEquals("retired", admin.json("auth", "retire", id).get("status").asText());
        assertFalse(works(secret));
        assertEquals("retired", admin.json("auth", "show", id).get("status").asText());
        Tokenctl.Result r = admin.run("auth", "activate", id).expect(1);
        assertTrue(r.err().contains("retired"), r.err());
        admin.run("auth", "regenerate", id).expect(1);
        admin.run("auth", "update", id, "--description", "x").expect(1);
        admin.run("auth", "retire", id).expect(0);
    }

    @Test
    void deleteRemovesTheToken() throws Exception {
        Tokenctl.Made made = admin.make("--read-authorizations");
        String secret = made.secret();
        String id = made.id();
        admin.run("auth", "delete", id, "--yes").expect(0);
        admin.run("auth", "show", id).expect(5);
        assertFalse(works(secret));
        admin.run("auth", "delete", id, "--yes").expect(5);
    }

    @Test
    void cloneMakesANewTokenWithTheSamePermissions() throws Exception {
        String id = newToken("--read-buckets", "--write-bucket", "b1", "--description", "original");
        Tokenctl.Result r = admin.run("auth", "clone", id, "--json").expect(0);
        String secret = r.secret();
        JsonNode clone = JSON.readTree(r.out());
        assertNotEquals(id, clone.get("id").asText());
        assertEquals(admin.json("auth", "show", id).get("permissions"), clone.get("permissions"));
        assertEquals("original", clone.get("description").asText());
        assertFalse(admin.storeFilesContain(secret));
    }

    @Test
    void cloneWithFlagsTakesThoseOfItsSource() throws Exception {
        String id = newToken("--read-buckets", "--read-dashboards");
        JsonNode clone = JSON.readTree(admin.run("auth", "clone", id, "--read-dashboards", "--description", "dash", "--json")
                .expect(0).out());
        assertEquals(1, clone.get("permissions").size());
        assertEquals("dashboards", clone.get("permissions").get(0).get("resource").get("type").asText());
        assertEquals("dash", clone.get("description").asText());
        String quiet = admin.run("auth", "clone", id, "-q").expect(0).out();
        assertTrue(quiet.matches("tctl_[0-9A-Za-z]{36}\n"));
    }
}
