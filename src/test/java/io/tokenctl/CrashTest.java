package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: processes killed with SIGKILL at random points, while they create, regenerate, retire and delete tokens
 * and delete users, or while a running {@code serve} takes creates and verifies, leave a store whose every change is
 * whole: SQLite's integrity check passes, every token has its audit row, every secret its token, a regenerate has
 * its audit row and its new secret or neither, a deleted user has no live token and no membership; and the next
 * run works at once. The kills land at random times (seeded, the seed in every message).
 */
@Tag("store")
class CrashTest {
    static final int CHURN_ROUNDS = 10;
    static final int CHURNERS = 2;
    static final int SERVE_KILLS = 4;

    @TempDir
    Path dir;

    /** The operator token setup printed, for the HTTP load on serve. */
    private String operator;

    @Test
    void sigkillAtRandomPointsLeavesEveryChangeWholeOrNotThere() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Tokenctl t = new Tokenctl(dir);
        operator = t.setup();
        int kills = 0;
        for (int round = 0; round < CHURN_ROUNDS; round++) {
            List<Process> churners = new ArrayList<>();
            for (int c = 0; c < CHURNERS; c++) {
                churners.add(start(t, List.of(Churn.class.getName(), "r" + round + "c" + c, String.valueOf(random.nextLong())),
                        dir.resolve("churn-" + round + "-" + c + ".log")));
            }
            // the JVMs start in about half a second; then they are mid-work, most of the time inside a transaction
            Thread.sleep(600 + random.nextInt(1500));
            for (int c = 0; c < CHURNERS; c++) {
                Process p = churners.get(c);
                Path log = dir.resolve("churn-" + round + "-" + c + ".log");
                // alive until killed: a churner that stopped on an error would make this no crash at all
                assertTrue(p.isAlive(), () -> "a churner ended before its kill: " + ConcurrencyTest.read(log));
                p.destroyForcibly();
            }
            for (Process p : churners) {
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "a killed process did not end");
                kills++;
            }
            String seedSaid = "seed " + seed + ", round " + round;
            assertWhole(t.store(), seedSaid);
            // the next run writes at once: no lock, no half transaction left behind
            t.run("auth", "create", "-q", "--read-buckets", "--description", "after kill " + round).expect(0);
        }
        for (int k = 0; k < SERVE_KILLS; k++) {
            kills += killServeUnderLoad(t, random, "seed " + seed + ", serve kill " + k);
            assertWhole(t.store(), "seed " + seed + ", serve kill " + k);
        }
        int total = kills;
        assertTrue(total >= 20, () -> "only " + total + " kills");
        int tokens = count(t.store(), "SELECT count(*) FROM tokens");
        assertTrue(tokens > CHURN_ROUNDS, "the churners got some work done before their kills: " + tokens + " tokens");
    }

    /** Starts serve on the store, loads it from 4 threads (creates and verifies), kills it mid-load; returns 1. */
    private int killServeUnderLoad(Tokenctl t, Random random, String said) throws Exception {
        Process serve = start(t, List.of("io.tokenctl.Main", "serve", "--listen", "127.0.0.1:0"), null);
        String url = InstalledLauncherIT.listeningUrl(serve);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            int n = i;
            load.submit(() -> {
                while (!stop.get()) {
                    try {
                        HttpRequest r = n % 2 == 0
                                ? HttpRequest.newBuilder(URI.create(url + "/api/v2/authorizations"))
                                        .header("Authorization", "Token " + operator).header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString("{\"description\":\"served\",\"permissions\":"
                                                + "[{\"action\":\"read\",\"resource\":{\"type\":\"buckets\"}}]}"))
                                        .timeout(Duration.ofSeconds(5)).build()
                                : HttpRequest.newBuilder(URI.create(url + "/api/v2/verify"))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString("token=" + operator))
                                        .timeout(Duration.ofSeconds(5)).build();
                        http.send(r, HttpResponse.BodyHandlers.discarding());
                        answered.incrementAndGet();
                    } catch (Exception gone) {
                        // the server was killed under this request
                    }
                }
                return null;
            });
        }
        Thread.sleep(300 + random.nextInt(900));
        assertTrue(serve.isAlive(), said + ": serve ended before its kill");
        serve.destroyForcibly();
        assertTrue(serve.waitFor(30, TimeUnit.SECONDS), said + ": serve did not end");
        stop.set(true);
        load.shutdown();
        assertTrue(load.awaitTermination(30, TimeUnit.SECONDS), said + ": load threads hung");
        assertTrue(answered.get() > 0, said + ": serve answered nothing before its kill");
        return 1;
    }

    /** A JVM on the test class path with the test's environment: a class's main and its arguments. */
    private Process start(Tokenctl t, List<String> mainAndArgs, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(ConcurrencyTest.javaBin(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "-Dslf4j.internal.verbosity=ERROR"));
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("TOKENCTL_"));
        pb.environment().putAll(t.env);
        if (log != null) {
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
        } else {
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        return pb.start();
    }

    /** The store's invariants after a crash: every change whole or not there. */
    static void assertWhole(Path store, String said) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertEquals("ok", rs.getString(1), said);
            }
            assertNone(st, said, "a token without the audit row of its making",
                    // (setup's token, made by no token, is audited as the org's setup)
                    "SELECT id FROM tokens t WHERE t.created_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit a"
                            + " WHERE a.target = t.id AND a.outcome = 'allowed' AND a.action IN ('create', 'clone'))");
            assertNone(st, said, "a token with no secret",
                    "SELECT id FROM tokens t WHERE NOT EXISTS (SELECT 1 FROM token_secrets s WHERE s.token_id = t.id)");
            assertNone(st, said, "a regenerate half applied (secrets of a token != 1 + its regenerate audit rows)",
                    "SELECT id FROM tokens t WHERE (SELECT count(*) FROM token_secrets s WHERE s.token_id = t.id)"
                            + " <> 1 + (SELECT count(*) FROM audit a WHERE a.target = t.id AND a.outcome = 'allowed'"
                            + " AND a.action = 'regenerate')");
            assertNone(st, said, "a retired token without its retire audit row",
                    "SELECT id FROM tokens t WHERE t.status = 'retired' AND NOT EXISTS (SELECT 1 FROM audit a"
                            + " WHERE a.target = t.id AND a.outcome = 'allowed' AND a.action = 'retire')");
            assertNone(st, said, "a deleted user with a live token",
                    "SELECT t.id FROM tokens t JOIN users u ON u.id = t.user_id WHERE u.deleted_at IS NOT NULL"
                            + " AND t.status <> 'retired' AND t.kind = 'user'");
            assertNone(st, said, "a deleted user still a member",
                    "SELECT u.id FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.deleted_at IS NOT NULL");
            assertNone(st, said, "a deleted user without the audit row of the delete",
                    "SELECT u.name FROM users u WHERE u.deleted_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit a"
                            + " WHERE a.target = 'user:' || u.name AND a.outcome = 'allowed' AND a.action = 'user delete')");
            assertNone(st, said, "a user delete audited for a user still there",
                    "SELECT a.target FROM audit a WHERE a.action = 'user delete' AND a.outcome = 'allowed'"
                            + " AND EXISTS (SELECT 1 FROM users u WHERE 'user:' || u.name = a.target AND u.deleted_at IS NULL)");
            assertNone(st, said, "a delete audited for a token still there",
                    "SELECT a.target FROM audit a WHERE a.action = 'delete' AND a.outcome = 'allowed'"
                            + " AND EXISTS (SELECT 1 FROM tokens t WHERE t.id = a.target)");
        }
    }

    private static void assertNone(Statement st, String said, String what, String sql) throws Exception {
        List<String> found = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        assertEquals(List.of(), found, said + ": " + what);
    }

    private static int count(Path store, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /**
     * A JVM doing tokenctl's writes through the real CLI entry until it is killed: creates, regenerates, retires,
     * deletes tokens, and makes users with tokens of their own and deletes them. Arguments: a name, a seed.
     */
    public static final class Churn {
        public static void main(String[] args) throws Exception {
            String name = args[0];
            Random random = new Random(Long.parseLong(args[1]));
            List<String> ids = new ArrayList<>();
            PrintStream out = System.out;
            for (int i = 0; ; i++) {
                int op = ids.isEmpty() ? 0 : random.nextInt(6);
                switch (op) {
                    case 0 -> ids.add(id(run(out, "auth", "create", "--json", "--read-buckets", "--description", name + " " + i)));
                    case 1 -> run(out, "auth", "regenerate", ids.get(random.nextInt(ids.size())), "--json");
                    case 2 -> run(out, "auth", "retire", ids.remove(random.nextInt(ids.size())));
                    case 3 -> run(out, "auth", "delete", ids.remove(random.nextInt(ids.size())), "--yes");
                    default -> {
                        String user = name + "u" + i;
                        run(out, "user", "create", user, "--org", "acme");
                        run(out, "auth", "create", "--json", "--user", user, "--read-buckets");
                        run(out, "auth", "create", "--json", "--user", user, "--write-dashboards");
                        run(out, "user", "delete", user, "--yes");
                    }
                }
            }
        }

        private static String run(PrintStream out, String... args) {
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            System.setOut(new PrintStream(said, true, StandardCharsets.UTF_8));
            int code = io.tokenctl.cli.Cli.run(io.tokenctl.cli.Context.system(), args);
            System.setOut(out);
            if (code != 0) {
                System.err.println("exit " + code + " from " + String.join(" ", args));
                System.exit(code);
            }
            return said.toString(StandardCharsets.UTF_8);
        }

        private static String id(String json) throws Exception {
            return new ObjectMapper().readTree(json).path("id").asText();
        }
    }
}
