package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's story past one machine, with the installed launcher as a new user runs it: PostgreSQL, two
 * {@code tokenctl serve --db-url} instances, a retire through one refused by the other within a second; the
 * password from each place it may come from and never from argv; one instance killed with SIGKILL while the
 * other serves on.
 */
class PostgresServeIT {
    @TempDir
    static Path prefix;
    static Path launcher;

    @TempDir
    Path home;
    private final List<Process> started = new ArrayList<>();

    @BeforeAll
    static void install() throws Exception {
        InstalledLauncherIT.Run r = InstalledLauncherIT.exec(Map.of("PREFIX", prefix.toString(), "HOME",
                prefix.toString()), null, "bash", "install.sh", "--skip-build");
        assertEquals(0, r.exit(), r.out() + r.err());
        launcher = prefix.resolve("bin/tokenctl");
    }

    @AfterEach
    void stopAll() throws Exception {
        for (Process p : started) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private Map<String, String> user(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "XDG_DATA_HOME",
                home.resolve("data").toString(), "XDG_CONFIG_HOME", home.resolve("config").toString()));
        env.putAll(extra);
        return env;
    }

    /** A serve instance: its URL once it listens. */
    private String serve(Map<String, String> env, Path err, String... flags) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "serve", "--listen", "127.0.0.1:0"));
        cmd.addAll(List.of(flags));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("TOKENCTL_") || k.startsWith("XDG_") || k.startsWith("PG"));
        pb.environment().putAll(user(env));
        Process p = pb.redirectError(err.toFile()).start();
        started.add(p);
        return InstalledLauncherIT.listeningUrl(p);
    }

    private InstalledLauncherIT.Run cli(Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        return InstalledLauncherIT.exec(user(env), stdin, cmd.toArray(String[]::new));
    }

    private Process last() {
        return started.get(started.size() - 1);
    }

    @Test
    void twoInstancesOnOneDatabaseARetireThroughOneIsRefusedByTheOtherWithinASecond() throws Exception {
        String db = PgCluster.get().databaseWithPassword("tokenctl_a", "s3cret pass");
        Path pwFile = home.resolve("db-password");
        Files.writeString(pwFile, "s3cret pass\n");
        Files.setPosixFilePermissions(pwFile, PosixFilePermissions.fromString("rw-------"));
        String a = serve(Map.of(), home.resolve("a.err"), "--db-url", db, "--db-password-file", pwFile.toString());
        Process aProcess = last();
        String b = serve(Map.of("TOKENCTL_DB_PASSWORD", "s3cret pass"), home.resolve("b.err"), "--db-url", db);
        Process bProcess = last();
        for (Process p : List.of(aProcess, bProcess)) {
            String argv = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
            assertFalse(argv.contains("s3cret"), "the password is not on argv: " + argv);
        }
        String admin = cli(Map.of("TOKENCTL_HOST", a), null, "setup", "--username", "admin", "--org", "acme", "-q")
                .out().strip();
        assertTrue(admin.startsWith("tctl_"), admin);
        Map<String, String> viaA = Map.of("TOKENCTL_HOST", a, "TOKENCTL_TOKEN", admin);
        Map<String, String> viaB = Map.of("TOKENCTL_HOST", b, "TOKENCTL_TOKEN", admin);
        InstalledLauncherIT.Run made = cli(viaA, null, "auth", "create", "--read-buckets", "--json");
        assertEquals(0, made.exit(), made.err());
        String secret = Tokenctl.JSON.readTree(made.out()).get("token").asText();
        String id = Tokenctl.JSON.readTree(made.out()).get("id").asText();
        assertEquals(0, cli(viaB, secret, "auth", "verify", "--require", "read:buckets", "-q").exit());

        assertEquals(0, cli(viaA, null, "auth", "retire", id).exit());
        long since = System.nanoTime();
        int exit = 0;
        while (exit == 0 && System.nanoTime() - since < TimeUnit.SECONDS.toNanos(3)) {
            exit = cli(viaB, secret, "auth", "verify", "--require", "read:buckets", "-q").exit();
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
        assertEquals(3, exit, "B refuses the retired token");
        // each CLI run is a JVM start (~0.15 s): B had refused by the first run after the retire, or soon after
        assertTrue(ms <= 1500, "B refused only after " + ms + " ms");

        // A dies without a word; B serves on, and a new instance starts beside it
        aProcess.destroyForcibly();
        assertTrue(aProcess.waitFor(10, TimeUnit.SECONDS));
        InstalledLauncherIT.Run another = cli(viaB, null, "auth", "create", "--read-buckets", "-q");
        assertEquals(0, another.exit(), another.err());
        assertEquals(0, cli(viaB, another.out().strip(), "auth", "verify", "-q").exit());
        String c = serve(Map.of("PGPASSFILE", pgpass(db, "s3cret pass").toString()), home.resolve("c.err"),
                "--db-url", db);
        InstalledLauncherIT.Run listed = cli(Map.of("TOKENCTL_HOST", c, "TOKENCTL_TOKEN", admin), null, "auth",
                "list", "--json");
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().contains(id), "C sees what A made");
        for (String err : List.of("a.err", "b.err", "c.err")) {
            String text = Files.readString(home.resolve(err));
            assertFalse(text.contains("s3cret") || text.contains(secret), err + " holds no secret");
            assertFalse(text.contains("Exception") || text.contains("\tat "), err + ": " + text);
        }
    }

    /** A ~/.pgpass-format file for the database's user. */
    private Path pgpass(String url, String password) throws IOException {
        String db = PgCluster.databaseOf(url);
        String user = url.substring(url.indexOf("user=") + 5);
        Path file = home.resolve("pgpass");
        Files.writeString(file, "127.0.0.1:" + PgCluster.get().port() + ":" + db + ":" + user + ":"
                + password.replace("\\", "\\\\").replace(":", "\\:") + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void aWrongOrMissingPasswordOrAPasswordInTheUrlIsOneLineAndNoServer() throws Exception {
        String db = PgCluster.get().databaseWithPassword("tokenctl_b", "right");
        InstalledLauncherIT.Run wrong = cli(Map.of("TOKENCTL_DB_PASSWORD", "wrong"), null, "serve", "--listen",
                "127.0.0.1:0", "--db-url", db);
        assertEquals(1, wrong.exit(), wrong.out() + wrong.err());
        assertEquals(1, wrong.err().strip().lines().count(), wrong.err());
        assertTrue(wrong.err().contains("refused the login") && wrong.err().contains("TOKENCTL_DB_PASSWORD"),
                wrong.err());
        assertFalse(wrong.err().contains("wrong"), "the password is not repeated: " + wrong.err());
        InstalledLauncherIT.Run inUrl = cli(Map.of(), null, "serve", "--listen", "127.0.0.1:0", "--db-url",
                db + "&password=right");
        assertEquals(2, inUrl.exit(), inUrl.err());
        assertTrue(inUrl.err().contains("never goes on the command line"), inUrl.err());
        assertFalse(inUrl.err().contains("right"), inUrl.err());
        InstalledLauncherIT.Run unreachable = cli(Map.of(), null, "serve", "--listen", "127.0.0.1:0", "--db-url",
                "jdbc:postgresql://127.0.0.1:1/tokenctl?user=tokenctl");
        assertEquals(1, unreachable.exit(), unreachable.err());
        assertEquals(1, unreachable.err().strip().lines().count(), unreachable.err());
        assertTrue(unreachable.err().contains("can't be reached"), unreachable.err());
    }
}
