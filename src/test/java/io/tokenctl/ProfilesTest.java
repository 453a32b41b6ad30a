package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** An operator with two stores keeps a profile for each and switches between them. */
class ProfilesTest extends AdminStore {

    @Test
    void aProfileMadeFromAStoreAndATokenFileWorksAndNeverShowsTheToken() throws Exception {
        Path staging = dir.resolve("staging.db");
        String op = admin.run("--store", staging.toString(), "--profile", "staging-setup", "setup", "--username", "ops",
                "--org", "staging", "-q").expect(0).secret();
        Path tokenFile = dir.resolve("staging.token");
        Files.writeString(tokenFile, op + "\n");
        admin.run("--store", staging.toString(), "--token-file", tokenFile.toString(), "config", "create", "staging")
                .expect(0);
        Tokenctl.Result listed = admin.run("config", "list", "--json").expect(0);
        assertFalse(listed.out().contains(op), "config list never shows a token");
        JsonNode staged = null;
        for (JsonNode p : Tokenctl.JSON.readTree(listed.out())) {
            if (p.get("name").asText().equals("staging")) {
                staged = p;
            }
        }
        assertTrue(staged.get("hasToken").asBoolean());
        assertEquals(staging.toString(), staged.get("store").asText());
        admin.run("config", "use", "staging").expect(0);
        assertEquals("staging", admin.json("org", "list").get(0).get("name").asText());
        admin.run("--profile", "default", "org", "list").expect(0);
        assertEquals("acme", admin.json("--profile", "default", "org", "list").get(0).get("name").asText());
        Path config = dir.resolve("config/tokenctl/config");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
    }

    @Test
    void profilesAreCreatedOnceUsedByNameAndDeleted() {
        admin.run("config", "create", "again").expect(0);
        admin.run("config", "create", "again").expect(1);
        admin.run("config", "use", "nosuch").expect(5);
        admin.run("config", "delete", "again").expect(0);
        admin.run("config", "delete", "again").expect(5);
        admin.run("config", "create", "bad name").expect(2);
        admin.run("auth", "list").expect(0);
    }

    @Test
    void theEnvironmentPicksAProfileAndAFlagBeatsIt() {
        admin.run("config", "create", "empty").expect(0);
        admin.env.put("TOKENCTL_PROFILE", "empty");
        admin.run("auth", "list").expect(3);
        admin.run("--profile", "default", "auth", "list").expect(0);
    }
}
