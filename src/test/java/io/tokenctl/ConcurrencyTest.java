package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    /** A separate JVM creating N tokens one after another through the real CLI entry. */
    public static final class ProcessWriter {
        public static void main(String[] args) {
            int n = Integer.parseInt(args[0]);
            for (int i = 0; i < n; i++) {
                int code = io.tokenctl.cli.Cli.run(io.tokenctl.cli.Context.system(),
                        "auth", "create", "-q", "--read-buckets");
                if (code != 0) {
                    System.exit(code);
                }
            }
            System.exit(0);
        }
    }
}
