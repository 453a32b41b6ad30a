package io.tokenctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Help, errors and completion values as scripts see them: data on stdout, one line of diagnosis on stderr. */
class ScriptFriendlyCliTest {
    @TempDir
    Path home;

    record Run(int exitCode, String out, String err) {
    }

    private Context context() {
        return new Context(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_DATA_HOME", home.resolve("data").toString()),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), new SecureRandom(),
                new ByteArrayInputStream(new byte[0]));
    }

    private Run run(String... args) {
        io.tokenctl.Tokenctl.Result r = io.tokenctl.Tokenctl.execute(Cli.build(context()), args);
        return new Run(r.exit(), r.out(), r.err());
    }

    private Path setUp() {
        Path store = home.resolve("s.db");
        assertEquals(0, run("--store", store.toString(), "setup", "--username", "admin", "--org", "acme", "-q").exitCode());
        return store;
    }

    @Test
    void everyCommandsHelpHasAnExample() {
        for (CommandTree.Node n : CommandTree.walk(Cli.build(context()))) {
            assertTrue(n.commandLine().getUsageMessage().contains("Example"), n.path() + " --help has no example");
        }
    }

    @Test
    void helpNamesEveryEnvironmentVariableOfTheOptions() {
        for (String[] cmd : List.of(new String[] {"--help"}, new String[] {"auth", "create", "--help"})) {
            Run r = run(cmd);
            assertEquals(0, r.exitCode());
            for (String env : List.of("TOKENCTL_STORE", "TOKENCTL_HOST", "TOKENCTL_TOKEN", "TOKENCTL_PROFILE")) {
                assertTrue(r.out().contains(env), String.join(" ", cmd) + " does not mention " + env);
            }
        }
    }

    @Test
    void withJsonAUsageErrorIsOneJsonLineOnStderr() {
        Run r = run("auth", "list", "--limit", "0", "--json");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertEquals("{\"code\":\"invalid\",\"message\":\"limit 0 is not valid; use 1-10000\"}"
                + System.lineSeparator(), r.err());
    }

    @Test
    void withJsonABadOptionIsOneJsonLineWithExitTwo() {
        Run r = run("auth", "list", "--bogus", "--json");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("{\"code\":\"invalid\",\"message\":\"Unknown option: '--bogus'"),
                r.err());
        assertEquals(1, r.err().lines().count());
    }

    @Test
    void withJsonNotFoundKeepsExitFive() {
        Path store = setUp();
        Run r = run("--store", store.toString(), "auth", "show", "nope", "--json");
        assertEquals(5, r.exitCode());
        assertEquals("{\"code\":\"not found\",\"message\":\"no token with id \\\"nope\\\" (token ids are 16"
                + " lowercase hex digits)\"}"
                + System.lineSeparator(), r.err());
    }

    @Test
    void withoutJsonErrorsStayPlainText() {
        Run r = run("auth", "list", "--limit", "0");
        assertEquals(2, r.exitCode());
        assertEquals("error: limit 0 is not valid; use 1-10000" + System.lineSeparator(), r.err());
    }

    @Test
    void completeTokenIdsListsTheStoresIds() {
        Path store = setUp();
        Run created = run("--store", store.toString(), "auth", "create", "--read-buckets", "--json");
        assertEquals(0, created.exitCode(), created.err());
        Run r = run("--store", store.toString(), "__complete", "token-ids");
        assertEquals(0, r.exitCode());
        assertEquals("", r.err());
        assertEquals(2, r.out().lines().count(), r.out());
        assertTrue(r.out().lines().anyMatch(id -> created.out().contains("\"id\" : \"" + id + "\"")),
                r.out() + " lacks the id in " + created.out());
    }

    /** Issue 14: completion offers org, user and profile names too, from the store and config on the line. */
    @Test
    void completeOffersOrgUserAndProfileNames() {
        Path store = setUp();
        assertEquals(0, run("--store", store.toString(), "org", "create", "staging").exitCode());
        assertEquals(0, run("--store", store.toString(), "user", "create", "bob", "--org", "staging").exitCode());
        assertEquals(List.of("acme", "staging"), run("--store", store.toString(), "__complete", "org-names").out().lines()
                .sorted().toList());
        assertTrue(run("--store", store.toString(), "__complete", "user-names").out().lines().toList().contains("bob"));
        assertTrue(run("__complete", "profile-names").out().lines().toList().contains("default"));
        assertEquals(new Run(0, "", ""), run("--store", home.resolve("missing.db").toString(), "__complete", "org-names"));
        assertEquals(new Run(0, "", ""), run("__complete", "nonsense"));
        // and the scripts ask for them where a name goes
        String bash = run("completion", "bash").out();
        assertTrue(bash.contains("kind=stored vals=org-names") && bash.contains("kind=stored vals=user-names")
                && bash.contains("kind=stored vals=profile-names"), "the bash script");
    }

    @Test
    void completeTokenIdsWithoutAStoreIsSilentAndSucceeds() {
        Run r = run("--store", home.resolve("missing.db").toString(), "__complete", "token-ids");
        assertEquals(new Run(0, "", ""), r);
    }

    @Test
    void completeTokenIdsWithoutAnOperatorTokenIsSilentAndSucceeds() throws Exception {
        Path store = setUp();
        Files.delete(home.resolve("config/tokenctl/config"));
        assertEquals(new Run(0, "", ""), run("--store", store.toString(), "__complete", "token-ids"));
    }

    @Test
    void completionPrintsTheCommittedScripts() throws Exception {
        for (String[] shell : List.of(new String[] {"bash", "tokenctl.bash"}, new String[] {"zsh", "_tokenctl"},
                new String[] {"fish", "tokenctl.fish"})) {
            Run r = run("completion", shell[0]);
            assertEquals(0, r.exitCode());
            assertEquals(Files.readString(Path.of("completion", shell[1]), StandardCharsets.UTF_8), r.out(),
                    "completion/" + shell[1] + " is out of date: run ./mvnw process-classes");
        }
    }

    @Test
    void completionOfAnUnknownShellIsAUsageError() {
        Run r = run("completion", "tcsh");
        assertEquals(2, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().contains("bash, zsh or fish"), r.err());
    }
}
