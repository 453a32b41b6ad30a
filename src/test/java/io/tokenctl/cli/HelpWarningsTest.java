package io.tokenctl.cli;

import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemErrNormalized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

    @Test
    void everyHelpRendersWithoutPicocliWarnings() throws Exception {
        Context ctx = new Context(Map.of("HOME", "/nonexistent"), new TestClock(Instant.EPOCH), new SecureRandom(),
                new ByteArrayInputStream(new byte[0]));
        List<String[]> paths = new ArrayList<>();
        collect(Cli.build(ctx), paths, List.of());
        for (String[] path : paths) {
            String[] args = java.util.Arrays.copyOf(path, path.length + 1);
            args[path.length] = "--help";
            StringWriter out = new StringWriter();
            String stderr = tapSystemErrNormalized(() -> {
                CommandLine cl = Cli.build(ctx);
                cl.setOut(new PrintWriter(out));
                cl.setErr(new PrintWriter(new StringWriter()));
                assertEquals(0, cl.execute(args), String.join(" ", args));
            });
            assertFalse(stderr.contains("picocli WARN"), String.join(" ", args) + ": " + stderr);
            assertFalse(out.toString().contains("%%"), String.join(" ", args));
        }
    }
}
