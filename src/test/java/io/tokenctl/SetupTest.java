package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupTest {
    @TempDir
    Path dir;

    @Test
    void setupCreatesAPrivateStoreAndPrintsTheOperatorSecretOnce() throws Exception {
        Tokenctl t = new Tokenctl(dir);
        Tokenctl.Result r = t.run("setup", "--username", "admin", "--org", "acme").expect(0);
        String secret = r.secret();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(t.store())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(t.store().getParent())));
        assertFalse(t.storeFilesContain(secret), "the secret is in the store files");
        assertTrue(r.out().contains("acme") && r.out().contains("admin"));
    }

    @Test
    void theSecretIsSavedInTheActiveProfileOwnerOnly() throws Exception {
        Tokenctl t = new Tokenctl(dir);
        String secret = t.setup();
        Path config = dir.resolve("config/tokenctl/config");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertTrue(Files.readString(config).contains(secret));
        // later commands just work, with no token anywhere else
        t.run("auth", "list").expect(0);
    }

    @Test
    void aSecondSetupIsRefusedAndLeavesTheStoreUntouched() throws Exception {
        Tokenctl t = new Tokenctl(dir);
        t.setup();
        byte[] before = Files.readAllBytes(t.store());
        Tokenctl.Result r = t.run("setup", "--username", "eve", "--org", "evil", "--force").expect(1);
        assertTrue(r.err().contains("already set up"), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().strip().lines().count() == 1, r.err());
        assertArrayEquals(before, Files.readAllBytes(t.store()));
    }

    @Test
    void aSecondSetupIntoAnotherProfileStillRefusesASetUpStore() {
        Tokenctl t = new Tokenctl(dir);
        t.setup();
        t.run("--profile", "other", "setup", "--username", "eve", "--org", "evil").expect(1);
    }

    @Test
    void setupOnAnExistingEmptyStoreFileNeedsForce() throws Exception {
        Tokenctl t = new Tokenctl(dir);
        Path store = dir.resolve("empty.db");
        Files.createFile(store);
        t.run("--store", store.toString(), "setup", "--username", "admin", "--org", "acme").expect(1);
        t.run("--store", store.toString(), "setup", "--username", "admin", "--org", "acme", "--force").expect(0);
    }

    @Test
    void setupRefusesToOverwriteAProfileThatHoldsAToken() {
        Tokenctl t = new Tokenctl(dir);
        t.setup();
        Path other = dir.resolve("other.db");
        Tokenctl.Result r = t.run("--store", other.toString(), "setup", "--username", "a", "--org", "b").expect(1);
        assertTrue(r.err().contains("--force"), r.err());
        assertFalse(Files.exists(other), "nothing written when refused");
        t.run("--store", other.toString(), "--profile", "second", "setup", "--username", "a", "--org", "b").expect(0);
    }

    /** Issue 14: a newcomer's next plain command hit the store a setup under --profile had just made. */
    @Test
    void setupUnderAProfileLeavesTheActiveOneUnlessAsked() {
        Tokenctl t = new Tokenctl(dir);
        t.setup();
        Tokenctl.Result r = t.run("--store", dir.resolve("second.db").toString(), "--profile", "second", "setup",
                "--username", "a", "--org", "b").expect(0);
        assertTrue(r.err().contains("not the active one") && r.err().contains("config use second"), r.err());
        assertEquals("acme", t.json("org", "list").get(0).get("name").asText(), "the next command stays on acme");
        assertEquals("b", t.json("--profile", "second", "org", "list").get(0).get("name").asText());
        t.run("--store", dir.resolve("third.db").toString(), "--profile", "third", "setup", "--username", "c",
                "--org", "c", "--active", "-q").expect(0);
        assertEquals("c", t.json("org", "list").get(0).get("name").asText(), "--active makes it the active one");
    }

    @Test
    void setupWithQuietPrintsOnlyTheSecret() {
        Tokenctl t = new Tokenctl(dir);
        Tokenctl.Result r = t.run("setup", "--username", "admin", "--org", "acme", "-q").expect(0);
        assertEquals(r.secret() + "\n", r.out());
    }

    @Test
    @org.junit.jupiter.api.Tag("store") // about the store file itself, which a server holds
    void badNamesAreUsageErrorsAndCreateNothing() {
        Tokenctl t = new Tokenctl(dir);
        Tokenctl.Result r = t.run("setup", "--username", "bad name", "--org", "acme").expect(2);
        assertTrue(r.err().contains("\"bad name\""), r.err());
        t.run("setup", "--username", "admin", "--org", "x".repeat(65)).expect(2);
        t.run("setup", "--username", "admin").expect(2);
        assertFalse(Files.exists(t.store()));
    }

    @Test
    @org.junit.jupiter.api.Tag("store") // about the store file itself, which a server holds
    void aCorruptStoreFileIsReportedInOneLineAndNeverOverwritten() throws Exception {
        Tokenctl t = new Tokenctl(dir);
        Files.createDirectories(t.store().getParent());
        byte[] garbage = "this is not a database, it is a shopping list\n".repeat(200).getBytes();
        Files.write(t.store(), garbage);
        // private, as a store is: a file others may read would add a warning line (OpenFilesTest)
        Files.setPosixFilePermissions(t.store(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Tokenctl.Result r = t.run("setup", "--username", "admin", "--org", "acme", "--force").expect(1);
        assertTrue(r.err().contains(t.store().toString()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertArrayEquals(garbage, Files.readAllBytes(t.store()));
        t.env.put("TOKENCTL_TOKEN", t.run("--store", dir.resolve("ok.db").toString(), "--profile", "p", "setup",
                "--username", "a", "--org", "b", "-q").expect(0).secret());
        t.run("--store", t.store().toString(), "auth", "list").expect(1);
        assertArrayEquals(garbage, Files.readAllBytes(t.store()));
    }

    @Test
    void aForeignSqliteFileIsNotTakenOver() throws Exception {
        Tokenctl t = new Tokenctl(dir);
        Path foreign = dir.resolve("foreign.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + foreign)) {
            c.createStatement().execute("CREATE TABLE recipes (name TEXT)");
        }
        byte[] before = Files.readAllBytes(foreign);
        Tokenctl.Result r = t.run("--store", foreign.toString(), "setup", "--username", "a", "--org", "b", "--force")
                .expect(1);
        assertTrue(r.err().contains("not a tokenctl store"), r.err());
        assertArrayEquals(before, Files.readAllBytes(foreign));
    }

    /** Issue 14: whoami says who the operator token is, where it works, with what, and until when. */
    @Test
    void whoamiSaysTheTokenItsOrgsRolePermissionsAndExpiry() throws Exception {
        Tokenctl t = new Tokenctl(dir);
        t.setup();
        com.fasterxml.jackson.databind.JsonNode me = t.json("whoami");
        assertEquals("admin", me.get("name").asText());
        assertEquals("acme", me.get("org").asText());
        assertEquals("admin", me.get("orgs").get(0).get("role").asText());
        assertTrue(me.get("expiresAt").isNull(), me.toString());
        String table = t.run("whoami").expect(0).out();
        assertTrue(table.contains("all access") && table.contains("never") && table.contains(me.get("tokenID").asText()),
                table);
        Tokenctl reader = new Tokenctl(dir);
        reader.clock.set(t.clock.instant());
        reader.env.put("TOKENCTL_TOKEN", t.create("--read-buckets", "--expires", "2h"));
        com.fasterxml.jackson.databind.JsonNode short_ = reader.json("whoami");
        assertEquals("2026-11-23T14:00:00Z", short_.get("expiresAt").asText());
        assertEquals(1, short_.get("permissions").size());
        assertTrue(reader.run("whoami").expect(0).out().contains("read:buckets"));
    }
}
