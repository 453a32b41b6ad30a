package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A reviewer's findings on issue 14 (2326d0b..116a33e), each failing before its fix: lifetime given out again by
 * regenerate and activate, a partial retire by secret left unsaid, an invisible token named by find, and a log
 * of made-up secrets flooding the audit log.
 */
class ReviewFindings14Test extends AdminStore {

    private boolean works(String secret) {
        return admin.runWithStdin(secret, "auth", "verify", "-q").exit() == 0;
    }

    /**
     * "No token outlives the operator token that makes it, or gives it more time." Regenerate gives a token's power
     * out again (Minting.requireCanReissue says so) but never calls requireLivesWithin: a 2h operator token hands
     * itself a never-expiring secret.
     */
    @Test
    void aShortLivedOperatorTokenCannotRegenerateItselfAForeverSecret() {
        String shortLived = admin.create("--all-access", "--expires", "2h");
        Tokenctl ci = as(shortLived);
        // what the rules refuse, for reference: create and clone past its own expiry
        ci.run("auth", "create", "--read-buckets", "-q").expect(4);
        Tokenctl.Made forever = admin.make("--all-access", "--description", "forever");
        ci.run("auth", "clone", forever.id()).expect(4);
        // ... but regenerate of the same never-expiring token is allowed
        Tokenctl.Result r = ci.run("auth", "regenerate", forever.id(), "-q");
        admin.clock.advance(Duration.ofDays(30));
        String fresh = r.exit() == 0 ? r.out().trim() : null;
        boolean escaped = fresh != null && works(fresh);
        assertFalse(escaped, "a 2h operator token minted a never-expiring all-access secret by regenerate (exit "
                + r.exit() + "); it should be refused with exit 4 like create/clone");
    }

    /** The same hole through activate: a deactivated never-expiring token is handed back its power. */
    @Test
    void aShortLivedOperatorTokenCannotActivateATokenThatOutlivesIt() {
        String shortLived = admin.create("--all-access", "--expires", "2h");
        Tokenctl ci = as(shortLived);
        Tokenctl.Made forever = admin.make("--read-buckets");
        admin.run("auth", "deactivate", forever.id()).expect(0);
        Tokenctl.Result r = ci.run("auth", "activate", forever.id());
        assertEquals(4, r.exit(), "activate gives out a never-expiring token's power again, as update --expires never"
                + " would (refused, 4): " + r.err());
    }

    /**
     * retire --secret-stdin stops at the first refusal that is not "not found": the tokens already retired are
     * never reported (stdout empty), the later secrets are not looked at, and the exit is 4.
     */
    @Test
    void retireBySecretStdinReportsWhatItRetiredBeforeARefusal() {
        admin.run("org", "create", "staging").expect(0);
        admin.run("user", "create", "sam", "--org", "staging", "--role", "admin").expect(0);
        Tokenctl sam = as(admin.create("--user", "sam", "--org", "staging", "--all-access"));
        Tokenctl.Made stagingOnly = sam.make("--org", "staging", "--read-buckets");
        Tokenctl.Made twoOrgs = admin.make("--org", "acme", "--org", "staging", "--read-buckets");
        Tokenctl.Made alsoStaging = sam.make("--org", "staging", "--read-buckets");
        String log = "line1 " + stagingOnly.secret() + "\nline2 " + twoOrgs.secret() + "\nline3 "
                + alsoStaging.secret() + "\n";
        Tokenctl.Result r = sam.runWithStdin(log, "auth", "retire", "--secret-stdin", "--json");
        String firstStatus = admin.json("auth", "show", stagingOnly.id()).get("status").asText();
        String thirdStatus = admin.json("auth", "show", alsoStaging.id()).get("status").asText();
        assertEquals(4, r.exit(), r.err());
        assertEquals("retired", firstStatus);
        assertEquals("retired", thirdStatus, "the secrets after a refusal are still answered");
        assertTrue(r.out().contains(stagingOnly.id()) && r.out().contains(alsoStaging.id()), "what was retired is said");
        assertTrue(r.err().contains("line 2"), r.err());
    }

    /**
     * find with the secret of a token the caller may not see answers "not found" but names the token's id
     * (Visibility.notFound(tokenId) from LocalTokenService.bySecret), and that id goes into the refusal audit
     * row and, for several secrets, one stderr line each.
     */
    @Test
    void findOfAnInvisibleTokensSecretDoesNotNameItsId() {
        admin.run("org", "create", "staging").expect(0);
        admin.run("user", "create", "sam", "--org", "staging", "--role", "admin").expect(0);
        Tokenctl sam = as(admin.create("--user", "sam", "--org", "staging", "--all-access"));
        Tokenctl.Made acmeOnly = admin.make("--org", "acme", "--read-buckets");
        Tokenctl.Made mine = sam.make("--org", "staging", "--read-buckets");
        Tokenctl.Result r = sam.runWithStdin("a " + acmeOnly.secret() + "\nb " + mine.secret() + "\n", "auth", "find");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains(acmeOnly.id()), "sam learns the id of an acme token it may not see: " + r.err());
        Tokenctl.Result one = sam.runWithStdin(acmeOnly.secret(), "auth", "find");
        assertEquals(5, one.exit());
        assertFalse(one.err().contains(acmeOnly.id()), one.err());
    }

    @Test
    void allAndReverseListEveryEventOnceInOrder() throws Exception {
        for (int i = 0; i < 25; i++) {
            admin.make("--read-buckets");
        }
        JsonNode fwd = admin.json("audit", "list", "--all");
        JsonNode rev = admin.json("audit", "list", "--all", "--reverse");
        assertEquals(fwd.size(), rev.size());
        for (int i = 0; i < fwd.size(); i++) {
            assertEquals(fwd.get(i).get("seq").asLong(), rev.get(rev.size() - 1 - i).get("seq").asLong());
        }
        // paged by hand, reverse: each page continues before the last seq, no duplicates, nothing skipped
        Tokenctl.Result p1 = admin.run("audit", "list", "--reverse", "--limit", "7", "--json").expect(0);
        JsonNode page1 = JSON.readTree(p1.out());
        assertEquals(7, page1.size());
        assertTrue(p1.err().contains("of " + fwd.size() + " events"), p1.err());
        String after = page1.get(6).get("seq").asText();
        JsonNode page2 = admin.json("audit", "list", "--reverse", "--limit", "7", "--after", after);
        assertEquals(rev.get(7).get("seq").asLong(), page2.get(0).get("seq").asLong());
    }

    /**
     * Anyone can make well-formed secrets offline (the checksum is public). A log seeded with many of them makes
     * `auth find` run one audited write transaction per fake (each a denied "find" row): the audit log grows by
     * the number of fakes, and the command by their count times a transaction.
     */
    @Test
    void aLogSeededWithMadeUpSecretsCanNotFloodTheAuditLog() {
        java.util.Random rnd = new java.util.Random(1);
        StringBuilder log = new StringBuilder();
        int fakes = 300;
        for (int i = 0; i < fakes; i++) {
            StringBuilder body = new StringBuilder(io.tokenctl.api.SecretShape.PREFIX);
            for (int j = 0; j < io.tokenctl.api.SecretShape.RANDOM_CHARS; j++) {
                body.append(io.tokenctl.api.SecretShape.ALPHABET.charAt(rnd.nextInt(62)));
            }
            log.append("GET /x?t=").append(body).append(io.tokenctl.api.SecretShape.checksum(body)).append('\n');
        }
        int before = admin.json("audit", "list", "--all").size();
        Tokenctl.Result r = admin.runWithStdin(log.toString(), "auth", "find");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("at most 100"), r.err());
        assertEquals(before, admin.json("audit", "list", "--all").size(), "refused before any lookup");
        // 100 at a time: each an audited lookup, and no more
        String hundred = String.join("\n", log.toString().lines().limit(100).toList());
        admin.runWithStdin(hundred, "auth", "find").expect(5);
        int after = admin.json("audit", "list", "--all").size();
        assertTrue(after - before <= 100, "one find wrote " + (after - before) + " rows");
    }
}
