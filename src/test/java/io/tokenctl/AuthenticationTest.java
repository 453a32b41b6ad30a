package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command but setup acts as an operator token: from --token-file, TOKENCTL_TOKEN or the profile. */
class AuthenticationTest {
    @TempDir
    Path dir;

    @Test
    void withNoTokenAnywhereTheAnswerIsNotAuthenticated() {
        Tokenctl t = new Tokenctl(dir);
        Tokenctl.Result r = t.run("auth", "list").expect(3);
        assertTrue(r.err().contains("TOKENCTL_TOKEN"), r.err());
    }

    @Test
    @org.junit.jupiter.api.Tag("store") // about the store file itself, which a server holds
    void aChecksumCorruptedTokenIsRejectedWithoutOpeningTheStore() {
        Tokenctl t = new Tokenctl(dir);
        String good = io.tokenctl.core.Secrets.generate(new SecureRandom());
        char last = good.charAt(40);
        String typo = good.substring(0, 40) + (last == 'a' ? 'b' : 'a');
        t.env.put("TOKENCTL_TOKEN", typo);
        // no store exists: a lookup would have failed with exit 1, "no store"
        Tokenctl.Result r = t.run("auth", "list").expect(3);
        assertFalse(Files.exists(t.store()));
        assertFalse(r.err().contains(typo), "the presented token is never echoed");
        assertTrue(r.err().contains("checksum"), r.err());
    }

    @Test
    void anUnknownWellFormedTokenIsNotAuthenticated() {
        Tokenctl t = new Tokenctl(dir);
        t.setup();
        String stranger = io.tokenctl.core.Secrets.generate(new SecureRandom());
        t.env.put("TOKENCTL_TOKEN", stranger);
        Tokenctl.Result r = t.run("auth", "list").expect(3);
        assertFalse(r.err().contains(stranger));
    }

    @Test
    void theEnvironmentOverridesTheProfileAndTheTokenFileOverridesBoth() throws Exception {
        Tokenctl t = new Tokenctl(dir);
        t.setup();
        String reader = t.create("--read-buckets");
        t.env.put("TOKENCTL_TOKEN", reader);
        t.run("auth", "list").expect(4);
        Path file = dir.resolve("op.token");
        Tokenctl admin = new Tokenctl(dir);
        Files.writeString(file, admin.run("auth", "create", "-q", "--all-access").expect(0).secret() + "\n");
        t.run("--token-file", file.toString(), "auth", "list").expect(0);
        t.run("--token-file", dir.resolve("missing").toString(), "auth", "list").expect(2);
    }

    @Test
    void anExpiredOperatorTokenIsNotAuthenticated() {
        Tokenctl t = new Tokenctl(dir);
        t.setup();
        t.env.put("TOKENCTL_TOKEN", t.create("--all-access", "--expires", "1h"));
        t.run("auth", "list").expect(0);
        t.clock.advance(java.time.Duration.ofHours(1));
        Tokenctl.Result r = t.run("auth", "list").expect(3);
        assertTrue(r.err().contains("expired"), r.err());
    }

    @Test
    @org.junit.jupiter.api.Tag("store") // about the store file itself, which a server holds
    void aMissingStoreIsAFailureNamingIt() {
        Tokenctl t = new Tokenctl(dir);
        t.env.put("TOKENCTL_TOKEN", io.tokenctl.core.Secrets.generate(new SecureRandom()));
        Tokenctl.Result r = t.run("auth", "list").expect(1);
        assertTrue(r.err().contains(t.store().toString()) && r.err().contains("setup"), r.err());
        assertFalse(Files.exists(t.store()), "a read never creates a store");
    }

    @Test
    @org.junit.jupiter.api.Tag("store") // about the store file itself, which a server holds
    void storeFlagAndEnvironmentPickTheStore() {
        Tokenctl t = new Tokenctl(dir);
        Path elsewhere = dir.resolve("elsewhere.db");
        String op = t.run("--store", elsewhere.toString(), "setup", "--username", "a", "--org", "b", "-q").expect(0).secret();
        Tokenctl u = new Tokenctl(dir.resolve("u"));
        u.env.put("TOKENCTL_TOKEN", op);
        u.run("auth", "list").expect(1);
        u.env.put("TOKENCTL_STORE", elsewhere.toString());
        u.run("auth", "list").expect(0);
        u.run("--store", dir.resolve("none.db").toString(), "auth", "list").expect(1);
    }

    @Test
    void remoteModeIsReportedAsNotYetAvailable() {
        Tokenctl t = new Tokenctl(dir);
        Tokenctl.Result r = t.run("--host", "http://127.0.0.1:8086", "auth", "list").expect(1);
        assertTrue(r.err().contains("serve"), r.err());
    }
}
