package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 (secrets and access): a store, its folder, the config or a token file that others may read or write
 * gets one warning line on stderr a run, as OpenSSH warns about keys; what only its owner may use, none.
 */
@Tag("store") // about the files on this machine, which a server run would hold instead
class OpenFilesTest extends AdminStore {
    private static void chmod(Path p, String mode) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    private long warnings(Tokenctl.Result r) {
        return r.err().lines().filter(l -> l.startsWith("tokenctl: warning: ")).count();
    }

    @Test
    void filesOthersMayReadOrWriteAreSaidOnceAndPrivateOnesNever() throws Exception {
        assertEquals(0, warnings(admin.run("auth", "list").expect(0)), "as setup made them: owner only");
        Path store = admin.store();
        chmod(store, "rw-r--r--");
        Tokenctl.Result r = admin.run("auth", "list").expect(0);
        assertEquals(1, warnings(r), r.err());
        assertTrue(r.err().contains("store " + store.toAbsolutePath()) && r.err().contains("chmod 600"), r.err());
        chmod(store, "rw-------");
        chmod(store.getParent(), "rwxrwxrwx");
        r = admin.run("auth", "list").expect(0);
        assertEquals(1, warnings(r), r.err());
        assertTrue(r.err().contains("store folder") && r.err().contains("chmod 700"), r.err());
        chmod(store.getParent(), "rwx------");
        Path config = dir.resolve("config/tokenctl/config");
        chmod(config, "rw-rw-r--");
        assertEquals(1, warnings(admin.run("auth", "list").expect(0)));
        chmod(config, "rw-------");
        Path tokenFile = dir.resolve("op.token");
        Files.writeString(tokenFile, admin.create("--read-authorizations") + "\n");
        chmod(tokenFile, "rw-r-----");
        r = admin.run("--token-file", tokenFile.toString(), "auth", "list").expect(0);
        assertEquals(1, warnings(r), r.err());
        assertTrue(r.err().contains("token file"), r.err());
        chmod(tokenFile, "rw-------");
        assertEquals(0, warnings(admin.run("--token-file", tokenFile.toString(), "auth", "list").expect(0)));
    }
}
