package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A secret turns up in a CI log: find its token without printing it, retire it in one step, all audited. */
class LeakResponseTest extends AdminStore {
    @Test
    void findShowsWhichTokenASecretIsAndNeverPrintsIt() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets", "--description", "ci reader");
        Tokenctl.Result r = admin.runWithStdin(t.secret() + "\n", "auth", "find", "--json").expect(0);
        JsonNode found = JSON.readTree(r.out());
        assertEquals(t.id(), found.get("id").asText());
        assertEquals("admin", found.get("user").asText());
        assertEquals("active", found.get("status").asText());
        assertFalse(r.out().contains(t.secret()) || r.err().contains(t.secret()));
        String log = admin.run("audit", "list", "--json").expect(0).out();
        assertTrue(log.contains("\"find\""));
        assertFalse(log.contains(t.secret()));
    }

    @Test
    void retireBySecretRetiresInOneStep() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets");
        JsonNode retired = JSON.readTree(admin.runWithStdin(t.secret(), "auth", "retire", "--secret-stdin", "--json")
                .expect(0).out());
        assertEquals("retired", retired.get("status").asText());
        assertTrue(retired.get("retiredReason").asText().contains("leak"));
        admin.runWithStdin(t.secret(), "auth", "verify").expect(3);
        String log = admin.run("audit", "list", "--json").expect(0).out();
        assertFalse(log.contains(t.secret()));
        assertFalse(admin.storeFilesContain(t.secret()));
    }

    @Test
    void unknownMalformedAndInvisibleSecretsAreRefused() {
        admin.runWithStdin(io.tokenctl.core.Secrets.generate(new SecureRandom()), "auth", "find").expect(5);
        // no secret at all in the text: not found, one line
        for (String text : new String[] {"tctl_garbage", "", "nothing here\n"}) {
            Tokenctl.Result none = admin.runWithStdin(text, "auth", "find").expect(5);
            assertEquals(1, none.err().lines().count(), none.err());
            assertTrue(none.err().contains("no tokenctl secret"), none.err());
        }
        admin.run("user", "create", "alice").expect(0);
        Tokenctl a = new Tokenctl(dir);
        a.env.put("TOKENCTL_TOKEN", admin.create("--user", "alice", "--read-authorizations", "--write-authorizations"));
        Tokenctl.Made adminOwn = admin.make("--read-buckets");
        a.runWithStdin(adminOwn.secret(), "auth", "find").expect(5);
        a.runWithStdin(adminOwn.secret(), "auth", "retire", "--secret-stdin").expect(5);
        admin.run("auth", "retire").expect(2);
        admin.runWithStdin(adminOwn.secret(), "auth", "retire", adminOwn.id(), "--secret-stdin").expect(2);
    }

    /** Issue 14: "a secret turned up in a log: tokenctl auth find < leaked.txt" works on the log itself. */
    @Test
    void findReadsALogAndAnswersForEverySecretInIt() throws Exception {
        Tokenctl.Made reader = admin.make("--read-buckets", "--description", "ci reader");
        JsonNode madeJwt = JSON.readTree(admin.run("auth", "create", "--read-buckets", "--format", "jwt", "--json")
                .expect(0).out());
        Tokenctl.Made jwt = new Tokenctl.Made(madeJwt.get("id").asText(), madeJwt.get("token").asText());
        String stranger = io.tokenctl.core.Secrets.generate(new SecureRandom());
        String typo = reader.secret().substring(0, 40) + (reader.secret().charAt(40) == 'a' ? 'b' : 'a');
        String log = "2026-12-04T10:00:01Z INFO starting job 42\n"
                + "2026-12-04T10:00:02Z DEBUG env: TOKENCTL_TOKEN=" + reader.secret() + " HOME=/root\n"
                + "curl -H 'Authorization: Token " + jwt.secret() + "' https://x/api\n"
                + "a typo: " + typo + ", and a stranger's: \"" + stranger + "\"\n"
                + "again: " + reader.secret() + "\n";
        Tokenctl.Result r = admin.runWithStdin(log, "auth", "find").expect(0);
        assertTrue(r.out().contains(reader.id()) && r.out().contains(jwt.id()), r.out());
        assertEquals(1, r.err().lines().count(), "one line for the stranger's secret: " + r.err());
        assertTrue(r.err().contains("line 4"), r.err());
        for (String secret : new String[] {reader.secret(), jwt.secret(), stranger, typo}) {
            assertFalse(r.out().contains(secret) || r.err().contains(secret), "a secret was printed");
        }
        // --json: one object per token, a stream jq reads
        Tokenctl.Result json = admin.runWithStdin(log, "auth", "find", "--json").expect(0);
        List<String> ids = new java.util.ArrayList<>();
        JSON.readerFor(JsonNode.class).<JsonNode>readValues(json.out()).forEachRemaining(n -> ids.add(n.get("id").asText()));
        assertEquals(List.of(reader.id(), jwt.id()), ids);
        // only strangers: exit 5
        admin.runWithStdin("x " + stranger + " y " + typo, "auth", "find").expect(5);
        // and the same text retires both tokens at once
        admin.runWithStdin(log, "auth", "retire", "--secret-stdin").expect(0);
        admin.runWithStdin(reader.secret(), "auth", "verify").expect(3);
        admin.runWithStdin(jwt.secret(), "auth", "verify").expect(3);
    }
}
