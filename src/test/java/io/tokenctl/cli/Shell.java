package io.tokenctl.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs real processes for the tests: no stdin, output captured, a generous guard against hangs (not a timing check). */
final class Shell {
    private Shell() {
    }

    record Result(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().filter(l -> !l.isEmpty()).toList();
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    static Result run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path out = Files.createTempFile("tokenctl-test", ".out");
        Path err = Files.createTempFile("tokenctl-test", ".err");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("still running after 5 minutes: " + command);
        }
        try {
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Bash's candidates for a command line: sources {@code script} (a path, relative to {@code dir} or with
     * $VARS from {@code env}), sets COMP_WORDS/COMP_CWORD, calls the function `complete -p` names and reads
     * COMPREPLY. Fails on any stderr output.
     */
    static java.util.Set<String> bashCandidates(Path dir, Map<String, String> env, String script, String... words)
            throws IOException, InterruptedException {
        String body = "source " + script + "\n"
                + "COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 ))\n"
                + "fn=$(complete -p tokenctl | sed -E 's/.*-F ([^ ]+).*/\\1/')\n"
                + "\"$fn\" || exit 1\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", "--norc", "--noprofile", "-c", body, "bash"));
        cmd.addAll(java.util.Arrays.asList(words));
        Result r = run(dir, env, cmd);
        org.junit.jupiter.api.Assertions.assertEquals(0, r.exitCode(), r.err());
        org.junit.jupiter.api.Assertions.assertEquals("", r.err());
        return new java.util.TreeSet<>(r.lines());
    }
}
