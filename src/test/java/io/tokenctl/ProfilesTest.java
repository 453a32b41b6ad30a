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

    /** Issue 14: config set edits a profile in place; the store's operator token goes on working at its server. */
    @Test
    void configSetPointsAProfileAtAServerAndKeepsItsToken() throws Exception {
        String url = RemoteMode.serverFor(admin.store(), admin.clock);
        admin.run("--host", url, "config", "set", "default").expect(0);
        JsonNode profile = Tokenctl.JSON.readTree(admin.run("config", "list", "--json").expect(0).out()).get(0);
        assertEquals(url, profile.get("host").asText());
        assertTrue(profile.get("store").isNull(), profile.toString());
        assertTrue(profile.get("hasToken").asBoolean(), "the operator token stays");
        // the next plain command talks to the server, as the operator token
        assertEquals("admin", admin.json("auth", "list").get(0).get("user").asText());
        // a new token file replaces the token; what is not given stays
        Path tokenFile = dir.resolve("reader.token");
        Files.writeString(tokenFile, admin.create("--read-authorizations") + "\n");
        admin.run("--token-file", tokenFile.toString(), "config", "set", "default").expect(0);
        profile = Tokenctl.JSON.readTree(admin.run("config", "list", "--json").expect(0).out()).get(0);
        assertEquals(url, profile.get("host").asText());
        admin.run("user", "create", "eve").expect(4); // a read-only operator token now
        // and back to the file
        admin.run("--store", admin.store().toString(), "config", "set", "default").expect(0);
        profile = Tokenctl.JSON.readTree(admin.run("config", "list", "--json").expect(0).out()).get(0);
        assertTrue(profile.get("host").isNull(), profile.toString());
        assertEquals(admin.store().toAbsolutePath().toString(), profile.get("store").asText());
        // mistakes
        admin.run("config", "set", "default").expect(2);
        admin.run("--host", url, "config", "set", "nosuch").expect(5);
        Tokenctl.Result both = admin.run("--host", url, "--store", "x.db", "config", "set", "default").expect(2);
        assertEquals(1, both.err().lines().count(), both.err());
        admin.run("--ca-cert", tokenFile.toString(), "config", "set", "default").expect(2);
        Tokenctl.settle();
    }

    /** Issue 14: TOKENCTL_ORG, else the profile's org, is the org auth create and user create use without --org. */
    @Test
    void aDefaultOrgFromTheEnvironmentOrTheProfile() throws Exception {
        admin.run("org", "create", "staging").expect(0);
        assertEquals("acme", admin.json("auth", "create", "--read-buckets").get("org").asText(), "none: the token's own");
        admin.env.put("TOKENCTL_ORG", "staging");
        assertEquals("staging", admin.json("auth", "create", "--read-buckets").get("org").asText());
        assertEquals("acme", admin.json("auth", "create", "--read-buckets", "--org", "acme").get("org").asText(),
                "a flag beats it");
        admin.run("user", "create", "sue").expect(0);
        assertTrue(admin.run("user", "list", "--org", "staging").out().contains("sue"));
        admin.env.remove("TOKENCTL_ORG");
        admin.run("config", "set", "default", "--org", "staging").expect(0);
        JsonNode profile = Tokenctl.JSON.readTree(admin.run("config", "list", "--json").expect(0).out()).get(0);
        assertEquals("staging", profile.get("org").asText());
        assertEquals("staging", admin.json("auth", "create", "--read-buckets").get("org").asText(), "the profile's");
        admin.env.put("TOKENCTL_ORG", "acme");
        assertEquals("acme", admin.json("auth", "create", "--read-buckets").get("org").asText(), "the environment wins");
        admin.env.remove("TOKENCTL_ORG");
        admin.run("config", "set", "default", "--org", "").expect(0);
        assertEquals("acme", admin.json("auth", "create", "--read-buckets").get("org").asText(), "cleared");
        admin.run("config", "set", "default", "--org", "bad name").expect(2);
        admin.env.put("TOKENCTL_ORG", "nosuch");
        admin.run("auth", "create", "--read-buckets").expect(5);
        admin.run("auth", "create", "--read-buckets", "--all-orgs").expect(0); // --all-orgs names no single org
    }
}
