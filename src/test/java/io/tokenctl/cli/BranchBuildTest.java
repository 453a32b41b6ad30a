package io.tokenctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@link Cli#run} builds only the branch of the command being run: every command line must behave exactly as it
 * does with the whole tree (same stdout, stderr and exit code), for help, errors and real work alike.
 */
class BranchBuildTest {
    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    record Run(int exitCode, String out, String err) {
    }

    private Context context() {
        Map<String, String> e = new HashMap<>(env);
        e.put("HOME", home.toString());
        e.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        e.put("XDG_DATA_HOME", home.resolve("data").toString());
        return new Context(e, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), new SecureRandom(),
                new ByteArrayInputStream(new byte[0]));
    }

    private Run run(Function<Context, CommandLine> build, String... args) {
        io.tokenctl.Tokenctl.Result r = io.tokenctl.Tokenctl.execute(build.apply(context()), args);
        return new Run(r.exit(), r.out(), r.err());
    }

    private void sameEitherWay(String... args) {
        Run whole = run(Cli::build, args);
        Run branch = run(ctx -> Cli.build(ctx, args), args);
        assertEquals(whole, branch, String.join(" ", args));
    }

    /** Every command path of the whole tree, as argv words (aliases included). */
    private List<String[]> allPaths() {
        List<String[]> out = new ArrayList<>();
        for (CommandTree.Node n : CommandTree.walk(Cli.build(context()))) {
            for (String p : n.paths()) {
                String[] words = p.split(" ");
                out.add(Arrays.copyOfRange(words, 1, words.length));
            }
        }
        return out;
    }

    private static String[] plus(String[] words, String... more) {
        String[] out = Arrays.copyOf(words, words.length + more.length);
        System.arraycopy(more, 0, out, words.length, more.length);
        return out;
    }

    @Test
    void helpOfEveryCommandIsTheSame() {
        for (String[] path : allPaths()) {
            sameEitherWay(plus(path, "--help"));
            sameEitherWay(plus(path, "-h"));
        }
    }

    @Test
    void usageErrorsOfEveryCommandAreTheSame() {
        for (String[] path : allPaths()) {
            sameEitherWay(plus(path, "--bogus"));
            sameEitherWay(plus(path, "--bogus", "--json"));
            sameEitherWay(plus(path, "--lmit", "3"));
            sameEitherWay(plus(path, "extra", "words", "here"));
        }
    }

    @Test
    void unknownWordsAndRootOptionsAreTheSame() {
        for (String[] args : List.of(new String[] {}, new String[] {"auht", "list"}, new String[] {"auth", "lst"},
                new String[] {"auth"}, new String[] {"--stor", "x", "auth", "list"}, new String[] {"--store"},
                new String[] {"--store", "auth", "list"}, new String[] {"--version"}, new String[] {"-V"},
                new String[] {"--version", "auth", "list"}, new String[] {"auth", "list", "--version"},
                new String[] {"--debug", "auth", "show"}, new String[] {"--", "auth", "list"},
                new String[] {"help"}, new String[] {"completion"}, new String[] {"completion", "tcsh"})) {
            sameEitherWay(args);
        }
    }

    @Test
    void workOnAStoreIsTheSame() {
        Path store = home.resolve("s.db");
        Run setup = run(Cli::build, "--store", store.toString(), "setup", "--username", "admin", "--org", "acme");
        assertEquals(0, setup.exitCode(), setup.err());
        Matcher id = Pattern.compile("\"id\" : \"([0-9a-f]{16})\"")
                .matcher(run(Cli::build, "--store", store.toString(), "auth", "create", "--read-buckets", "--json").out());
        assertNotNull(id.find() ? id.group(1) : null);
        String s = store.toString();
        for (String[] args : List.of(new String[] {"--store", s, "auth", "list"},
                new String[] {"--store=" + s, "auth", "ls", "--json"}, new String[] {"--store", s, "auth", "show", id.group(1)},
                new String[] {"--store", s, "--debug", "auth", "list"}, new String[] {"--store", s, "auth", "show", "nope", "--json"},
                new String[] {"--store", s, "auth", "create", "--read-buckets", "--all-access"},
                new String[] {"--store", s, "auth", "create", "--read-bucket"}, new String[] {"--store", s, "user", "list"},
                new String[] {"--store", s, "org", "list", "--json"}, new String[] {"--store", s, "config", "list"},
                new String[] {"--store", s, "__complete", "token-ids"}, new String[] {"--store", s, "completion", "bash"})) {
            sameEitherWay(args);
        }
    }

    @Test
    void onlyACommandOrALoneVersionGetsABranch() {
        assertEquals(List.of(AuthCommand.class, AuthCommand.ListCmd.class),
                Cli.branch(new String[] {"--store", "s.db", "--debug", "auth", "ls", "--json"}));
        assertEquals(List.of(SetupCommand.class), Cli.branch(new String[] {"setup", "--username", "u"}));
        assertEquals(List.of(), Cli.branch(new String[] {"--version"}));
        assertNull(Cli.branch(new String[] {"auth"}));
        assertNull(Cli.branch(new String[] {"auth", "--help"}));
        assertNull(Cli.branch(new String[] {"--help"}));
        assertNull(Cli.branch(new String[] {"completion", "bash"}));
        assertNull(Cli.branch(new String[] {"--unknown", "auth", "list"}));
    }

    @Test
    void onlyACommandThatOpensAStoreWarmsOneUp() {
        for (String line : List.of("auth list --json", "--store s.db auth create -q --read-buckets", "setup --username a --org o",
                "auth verify -- --help", "__complete token-ids")) {
            assertNotNull(Cli.warmUpFor(Context.system(), line.split(" ")), line);
        }
        for (String line : List.of("--help", "--version", "auth list --help", "auth create -h", "completion bash",
                "config list", "")) {
            assertNull(Cli.warmUpFor(Context.system(), line.isEmpty() ? new String[0] : line.split(" ")), line);
        }
    }
}
