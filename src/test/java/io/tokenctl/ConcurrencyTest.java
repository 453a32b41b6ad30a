package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several tokenctl runs writing one store at once all succeed: WAL, busy timeout and BEGIN IMMEDIATE. */
class ConcurrencyTest {
    @TempDir
    Path dir;

    int count(Tokenctl t) throws Exception {
        return new ObjectMapper().readTree(t.run("auth", "list", "--json", "--limit", "1000").expect(0).out()).size();
    }

    @Test
    void writersOnSeveralThreadsAllSucceed() throws Exception {
        Tokenctl t = new Tokenctl(dir);
        t.setup();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String[] args = i % 3 == 0
                    ? new String[] {"auth", "create", "-q", "--read-buckets", "--description", "thread " + i}
                    : i % 3 == 1 ? new String[] {"auth", "create", "-q", "--write-dashboards"}
                    : new String[] {"auth", "list", "--limit", "5"};
            results.add(pool.submit(() -> t.run(args).exit()));
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        for (Future<Integer> f : results) {
            assertEquals(0, f.get());
        }
        assertEquals(1 + 40, count(t));
    }

    @Test
    void twoJvmProcessesWritingAtOnceBothSucceed() throws Exception {
        Tokenctl t = new Tokenctl(dir);
        t.setup();
        List<Process> procs = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            ProcessBuilder pb = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    "-Dslf4j.internal.verbosity=ERROR", ProcessWriter.class.getName(), "15")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("proc" + p + ".log").toFile());
            pb.environment().putAll(t.env);
            procs.add(pb.start());
        }
        for (Process p : procs) {
            p.waitFor(3, TimeUnit.MINUTES);
            assertEquals(0, p.exitValue(), () -> read(dir.resolve("proc0.log")) + read(dir.resolve("proc1.log")));
        }
        assertEquals(1 + 30, count(t));
    }

    /**
     * Issue 15: eight processes at once, each creating, retiring what it made every other time and listing, on one
     * store: every write lands once with its audit row, none fails, and no process says more on stderr than the
     * listing's "showing 5 of N" (a "database is locked" would be such a line).
     */
    @Test
    void eightProcessesCreatingRetiringAndListingAtOnceLandEveryWriteOnce() throws Exception {
        Tokenctl t = new Tokenctl(dir);
        t.setup();
        int processes = 8;
        int each = 10;
        List<Process> procs = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            ProcessBuilder pb = new ProcessBuilder(javaBin(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), "-Dslf4j.internal.verbosity=ERROR",
                    ProcessWriter.class.getName(), String.valueOf(each), "mixed", "p" + p)
                    .redirectError(dir.resolve("proc" + p + ".err").toFile())
                    .redirectOutput(dir.resolve("proc" + p + ".log").toFile());
            pb.environment().putAll(t.env);
            procs.add(pb.start());
        }
        for (int p = 0; p < processes; p++) {
            Process proc = procs.get(p);
            assertTrue(proc.waitFor(4, TimeUnit.MINUTES), "process " + p + " still running after 4 minutes");
            Path err = dir.resolve("proc" + p + ".err");
            assertEquals(0, proc.exitValue(), read(err));
            // a cut listing says so on stderr; nothing else may be said
            String said = read(err).lines().filter(l -> !l.startsWith("showing 5 of ")).collect(
                    java.util.stream.Collectors.joining("\n"));
            assertEquals("", said, "process " + p + " said something on stderr");
        }
        com.fasterxml.jackson.databind.JsonNode tokens = t.json("auth", "list", "--limit", "1000");
        int retired = 0;
        for (com.fasterxml.jackson.databind.JsonNode token : tokens) {
            retired += "retired".equals(token.path("status").asText()) ? 1 : 0;
        }
        assertEquals(1 + processes * each, tokens.size());
        assertEquals(processes * each / 2, retired);
        com.fasterxml.jackson.databind.JsonNode events = t.json("audit", "list", "--limit", "10000");
        int creates = 0;
        int retires = 0;
        for (com.fasterxml.jackson.databind.JsonNode e : events) {
            if (!"allowed".equals(e.path("outcome").asText())) {
                continue;
            }
            creates += "create".equals(e.path("action").asText()) ? 1 : 0;
            retires += "retire".equals(e.path("action").asText()) ? 1 : 0;
        }
        assertEquals(processes * each, creates, "one create row per token made");
        assertEquals(processes * each / 2, retires, "one retire row per token retired");
    }

    static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /**
     * A separate JVM creating N tokens one after another through the real CLI entry; with "mixed NAME" it also
     * retires every other token it made and lists a page after each create.
     */
    public static final class ProcessWriter {
        public static void main(String[] args) throws Exception {
            int n = Integer.parseInt(args[0]);
            boolean mixed = args.length > 1 && args[1].equals("mixed");
            java.io.PrintStream out = System.out;
            for (int i = 0; i < n; i++) {
                if (!mixed) {
                    exitUnlessOk(io.tokenctl.cli.Cli.run(io.tokenctl.cli.Context.system(),
                            "auth", "create", "-q", "--read-buckets"));
                    continue;
                }
                java.io.ByteArrayOutputStream made = new java.io.ByteArrayOutputStream();
                System.setOut(new java.io.PrintStream(made, true, java.nio.charset.StandardCharsets.UTF_8));
                int code = io.tokenctl.cli.Cli.run(io.tokenctl.cli.Context.system(),
                        "auth", "create", "--json", "--read-buckets", "--description", args[2] + " " + i);
                System.setOut(out);
                exitUnlessOk(code);
                String id = new ObjectMapper().readTree(made.toByteArray()).path("id").asText();
                if (i % 2 == 1) {
                    exitUnlessOk(io.tokenctl.cli.Cli.run(io.tokenctl.cli.Context.system(), "auth", "retire", id));
                }
                exitUnlessOk(io.tokenctl.cli.Cli.run(io.tokenctl.cli.Context.system(), "auth", "list", "--limit", "5"));
            }
            System.exit(0);
        }

        private static void exitUnlessOk(int code) {
            if (code != 0) {
                System.exit(code);
            }
        }
    }
}
