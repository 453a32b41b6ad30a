package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a listing cut at its page says so ("showing 100 of N") with the next --after; --all pages through
 * everything; the audit log reads newest first with --reverse. Locally and through a server alike.
 */
class ListingsTest extends AdminStore {
    private List<String> ids(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    @Test
    void aCutTokenListingSaysHowManyOfHowManyAndAllGetsEveryOne() throws Exception {
        for (int i = 0; i < 104; i++) {
            admin.create("--read-buckets", "--description", "t" + i);
        }
        // 105 with the operator token; the default page is 100
        Tokenctl.Result page = admin.run("auth", "list", "--json").expect(0);
        JsonNode first = JSON.readTree(page.out());
        assertEquals(100, first.size(), "--json stays an array of the page");
        String last = first.get(99).get("id").asText();
        assertEquals("showing 100 of 105 tokens; the next page: --after " + last + ", or --all for every one\n",
                page.err());
        Tokenctl.Result rest = admin.run("auth", "list", "--json", "--after", last).expect(0);
        assertEquals(5, JSON.readTree(rest.out()).size());
        assertEquals("", rest.err(), "the last page says nothing");
        // --all: every one, once, in order, as one array
        JsonNode all = JSON.readTree(admin.run("auth", "list", "--all", "--json").expect(0).out());
        assertEquals(105, all.size());
        List<String> allIds = ids(all, "id");
        Set<String> unique = new HashSet<>(allIds);
        assertEquals(105, unique.size());
        List<String> sorted = new ArrayList<>(allIds);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, allIds);
        Tokenctl.Result table = admin.run("auth", "list", "--all", "--hide-headers").expect(0);
        assertEquals(105, table.out().lines().count());
        assertEquals("", table.err());
        admin.run("auth", "list", "--all", "--limit", "5").expect(2);
        // a small page of a filtered listing counts that listing
        Tokenctl.Result small = admin.run("auth", "list", "--limit", "2", "--user", "admin").expect(0);
        assertTrue(small.err().startsWith("showing 2 of 105 tokens;"), small.err());
    }

    @Test
    void theAuditLogPagesBothWaysAndAllOfItReadsOnce() throws Exception {
        for (int i = 0; i < 12; i++) {
            admin.create("--read-buckets");
        }
        JsonNode everything = JSON.readTree(admin.run("audit", "list", "--all", "--json").expect(0).out());
        int n = everything.size();
        assertTrue(n >= 13, "setup and 12 creates: " + n);
        Tokenctl.Result newest = admin.run("audit", "list", "--reverse", "--limit", "5", "--json").expect(0);
        JsonNode back = JSON.readTree(newest.out());
        assertEquals(5, back.size());
        assertEquals(everything.get(n - 1).get("seq").asLong(), back.get(0).get("seq").asLong(), "newest first");
        assertTrue(back.get(0).get("seq").asLong() > back.get(4).get("seq").asLong());
        long cursor = back.get(4).get("seq").asLong();
        assertTrue(newest.err().startsWith("showing 5 of " + n + " events; the next page: --after " + cursor), newest.err());
        JsonNode before = JSON.readTree(admin.run("audit", "list", "-r", "--limit", "5", "--after",
                Long.toString(cursor), "--json").expect(0).out());
        assertEquals(cursor - 1, before.get(0).get("seq").asLong(), "the next page runs on back in time");
        JsonNode allBack = JSON.readTree(admin.run("audit", "list", "--all", "--reverse", "--json").expect(0).out());
        List<String> forward = ids(everything, "seq");
        List<String> backward = ids(allBack, "seq");
        java.util.Collections.reverse(backward);
        assertEquals(forward, backward);
        assertFalse(admin.run("audit", "list", "--json").err().contains("showing"), "one page holds it all");
    }

    /** Issue 14: the token table fits the terminal (COLUMNS here), sums up permissions, and --wide shows all. */
    @Test
    void theTableFitsTheTerminalAndWideShowsEverything() {
        String longText = "nightly export of every bucket of the analytics team to the cold archive, with retries";
        admin.create("--read-buckets", "--write-bucket", "0000000000000b01", "--write-dashboards",
                "--description", longText);
        admin.env.put("COLUMNS", "120");
        String fitted = admin.run("auth", "list").expect(0).out();
        fitted.lines().forEach(l -> assertTrue(l.length() <= 120, l.length() + ": " + l));
        assertTrue(fitted.contains("\u2026"), fitted);
        assertFalse(fitted.contains(longText), "the description is cut");
        assertTrue(fitted.contains("all access"), "the operator token: " + fitted);
        assertTrue(fitted.matches("(?s).*(read|write):\\S+ \\+2.*"), "a summary: " + fitted);
        String wide = admin.run("auth", "list", "--wide").expect(0).out();
        assertTrue(wide.contains(longText) && wide.contains("write:buckets/0000000000000b01")
                || wide.contains(longText) && wide.contains("0000000000000b01"), wide);
        admin.env.remove("COLUMNS");
        // piped (no terminal, no COLUMNS): never cut; columns stay space-separated for awk
        String piped = admin.run("auth", "list", "--hide-headers").expect(0).out();
        assertTrue(piped.contains(longText), piped);
        assertFalse(piped.contains("\u2026"), piped);
    }

    /** Issue 14: audit list --follow prints the last 10, then every new event as it is written (JSON lines). */
    @Test
    void followPrintsTheLastTenThenWhatComes() throws Exception {
        for (int i = 0; i < 12; i++) {
            admin.create("--read-buckets");
        }
        java.util.concurrent.atomic.AtomicReference<Tokenctl.Result> seen = new java.util.concurrent.atomic.AtomicReference<>();
        Tokenctl follower = new Tokenctl(dir);
        follower.clock.set(admin.clock.instant());
        Thread t = new Thread(() -> seen.set(follower.run("audit", "list", "--follow", "--json")));
        t.start();
        Thread.sleep(1500);
        Tokenctl.Made late = admin.make("--read-buckets", "--description", "late");
        Thread.sleep(2500);
        t.interrupt();
        t.join(10_000);
        assertFalse(t.isAlive(), "--follow stops when interrupted");
        List<String> lines = seen.get().out().lines().toList();
        assertTrue(lines.size() >= 11, seen.get().out());
        List<JsonNode> events = new ArrayList<>();
        for (String l : lines) {
            events.add(JSON.readTree(l)); // one object per line
        }
        assertEquals(late.id(), events.get(events.size() - 1).get("target").asText(), "the new event came through");
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).get("seq").asLong() > events.get(i - 1).get("seq").asLong(), "in order, once");
        }
        assertEquals(11, events.size(), "the last 10, then the new one");
        admin.run("audit", "list", "--follow", "--reverse").expect(2);
    }

    /**
     * Issue 14 (and issue 11's visibility gap): auth list --org O lists every token that can act in O, wherever its
     * home org is, and an admin of O sees those in a plain auth list too; never one cut out of O or of a user who
     * left O.
     */
    @Test
    void anOrgsListingHoldsEveryTokenThatCanActThere() throws Exception {
        Tokenctl sam = sam(); // admin of staging
        admin.run("user", "create", "dora", "--org", "acme").expect(0);
        admin.run("user", "create", "dora", "--org", "staging", "--role", "normal").expect(0);
        Tokenctl.Made allOrgs = admin.make("--user", "dora", "--all-orgs", "--read-buckets");
        Tokenctl.Made both = admin.make("--user", "dora", "--org", "acme", "--org", "staging", "--read-buckets");
        Tokenctl.Made acmeOnly = admin.make("--user", "dora", "--org", "acme", "--read-buckets");
        Tokenctl.Made cut = admin.make("--user", "dora", "--all-orgs", "--read-dashboards");
        sam.run("auth", "revoke-org", cut.id(), "--org", "staging").expect(0);
        List<String> inStaging = ids(admin.json("auth", "list", "--org", "staging"), "id");
        assertTrue(inStaging.contains(allOrgs.id()) && inStaging.contains(both.id()), inStaging.toString());
        assertFalse(inStaging.contains(acmeOnly.id()) || inStaging.contains(cut.id()), inStaging.toString());
        // staging's admin sees them in a plain listing too, as auth show already let it
        List<String> samSees = ids(sam.json("auth", "list"), "id");
        assertTrue(samSees.contains(allOrgs.id()) && samSees.contains(both.id()), samSees.toString());
        assertFalse(samSees.contains(acmeOnly.id()) || samSees.contains(cut.id()), samSees.toString());
        // dora leaves staging: her tokens no longer act there
        admin.run("user", "delete", "dora", "--org", "staging", "--yes").expect(0);
        List<String> after = ids(admin.json("auth", "list", "--org", "staging"), "id");
        assertFalse(after.contains(allOrgs.id()) || after.contains(both.id()), after.toString());
        assertFalse(ids(sam.json("auth", "list"), "id").contains(both.id()));
    }
}
