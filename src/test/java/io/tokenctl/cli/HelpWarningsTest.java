package io.tokenctl.cli;

import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemErrNormalized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.TestClock;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help renders cleanly: picocli formats help text, and a stray % makes it warn on stderr. */
class HelpWarningsTest {
    static void collect(CommandLine cl, List<String[]> paths, List<String> prefix) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName()) || e.getValue().getCommandSpec().usageMessage().hidden()) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            paths.add(path.toArray(String[]::new));
            collect(e.getValue(), paths, path);
        }
    }

    private static Context context() {
        return new Context(Map.of("HOME", "/nonexistent"), new TestClock(Instant.EPOCH), new SecureRandom(),
                new ByteArrayInputStream(new byte[0]));
    }

    /** Every visible command's path, from the root down. */
    private static List<String[]> visiblePaths(Context ctx) {
        List<String[]> paths = new ArrayList<>();
        collect(Cli.build(ctx), paths, List.of());
        return paths;
    }

    private static String[] helpArgs(String[] path) {
        String[] args = java.util.Arrays.copyOf(path, path.length + 1);
        args[path.length] = "--help";
        return args;
    }

    @Test
    void everyHelpRendersWithoutPicocliWarnings() throws Exception {
        Context ctx = context();
        for (String[] path : visiblePaths(ctx)) {
            String[] args = helpArgs(path);
            StringWriter out = new StringWriter();
            String stderr = tapSystemErrNormalized(() -> {
                CommandLine cl = Cli.build(ctx);
                cl.setOut(new PrintWriter(out));
                cl.setErr(new PrintWriter(new StringWriter()));
                assertEquals(0, cl.execute(args), String.join(" ", args));
            });
            assertFalse(stderr.contains("picocli WARN"), String.join(" ", args) + ": " + stderr);
            assertFalse(out.toString().contains("%%"), String.join(" ", args));
            // the description is one wrapped paragraph: no short line left after a long one (that is, a line
            // of the source's width that picocli wrapped again on its own)
            List<String> lines = out.toString().lines().toList();
            int start = 0;
            while (start < lines.size() && (lines.get(start).startsWith("Usage:") || lines.get(start).startsWith(" "))) {
                start++;
            }
            for (int i = start; i + 1 < lines.size() && !lines.get(i + 1).startsWith(" ") && !lines.get(i + 1).isEmpty(); i++) {
                assertTrue(lines.get(i).length() > 60, String.join(" ", args) + ": a short line inside the description: \""
                        + lines.get(i) + "\"");
            }
        }
    }

    /** Issue 14: a one-line synopsis (the options table lists every flag), and examples never wrapped mid-command. */
    @Test
    void synopsesAreShortAndExamplesAreWhole() throws Exception {
        Context ctx = context();
        for (String[] path : visiblePaths(ctx)) {
            String[] args = helpArgs(path);
            CommandLine cl = Cli.build(ctx);
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out));
            assertEquals(0, cl.execute(args));
            List<String> lines = out.toString().lines().toList();
            assertTrue(lines.get(0).startsWith("Usage: tokenctl " + String.join(" ", path)), lines.get(0));
            assertFalse(lines.get(1).startsWith(" "), String.join(" ", path) + ": a synopsis of more than one line");
            CommandLine sub = cl;
            for (String p : path) {
                sub = sub.getSubcommands().get(p);
            }
            for (String example : sub.getCommandSpec().usageMessage().footer()) {
                assertTrue(lines.contains(String.format(example)), String.join(" ", path) + ": example wrapped: " + example);
            }
        }
    }

    @Test
    void summariesAreTheFirstSentenceOfTheWholeDescription() {
        assertEquals("Is this token good for this use?", CommandTree.summary(new String[] {
            "Is this token good for this use? Reads the presented token from stdin (never argv) and",
            "answers like RFC 7662 introspection."}));
        assertEquals("Create a new token with a new id and the same permissions as an existing one, or with the"
                + " permissions given by flags.", CommandTree.summary(new String[] {
                    "Create a new token with a new id and the same permissions as an existing one,",
                    "or with the permissions given by flags.", "More."}));
        assertEquals("Create an org (needs write:orgs, i.e. an org admin's token).",
                CommandTree.summary(new String[] {"Create an org (needs write:orgs, i.e. an org admin's token)."}));
    }
}
