package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.SecureRandom;
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
        admin.runWithStdin("tctl_garbage", "auth", "find").expect(2);
        admin.runWithStdin("", "auth", "find").expect(2);
        admin.run("user", "create", "alice").expect(0);
        Tokenctl a = new Tokenctl(dir);
        a.env.put("TOKENCTL_TOKEN", admin.create("--user", "alice", "--read-authorizations", "--write-authorizations"));
        Tokenctl.Made adminOwn = admin.make("--read-buckets");
        a.runWithStdin(adminOwn.secret(), "auth", "find").expect(5);
        a.runWithStdin(adminOwn.secret(), "auth", "retire", "--secret-stdin").expect(5);
        admin.run("auth", "retire").expect(2);
        admin.runWithStdin(adminOwn.secret(), "auth", "retire", adminOwn.id(), "--secret-stdin").expect(2);
    }
}
