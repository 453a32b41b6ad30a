package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenctl.cli.Cli;
import io.tokenctl.cli.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A user's machine for tests: its own HOME and XDG folders under a temp dir, a pinned clock, and tokenctl
 * driven through picocli with captured stdout and stderr.
 */
public final class Tokenctl {
    public static final Pattern SECRET = Pattern.compile("tctl_[0-9A-Za-z]{36}");

    public final Path home;
    public final Map<String, String> env = new HashMap<>();
    public final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    /** Who is at the terminal: no one, unless a test says otherwise. */
    public io.tokenctl.cli.Prompter prompter = io.tokenctl.cli.Prompter.NONE;

    public record Result(int exit, String out, String err) {
        public String line() {
            return out.strip();
        }

        /** The one secret printed; fails unless exactly one is present in stdout and none in stderr. */
        public String secret() {
            Matcher m = SECRET.matcher(out);
            if (!m.find()) {
                throw new AssertionError("no secret in output: exit " + exit + ", err " + err);
            }
            String s = m.group();
            if (m.find()) {
                throw new AssertionError("more than one secret in output");
            }
            if (SECRET.matcher(err).find()) {
                throw new AssertionError("a secret on stderr");
            }
            return s;
        }

        public Result expect(int code) {
            assertEquals(code, exit, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }
    }

    public Tokenctl(Path home) {
        this.home = home;
        env.put("HOME", home.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    }

    public Path store() {
        return home.resolve("data/tokenctl/tokenctl.db");
    }

    public Result run(String... args) {
        return runWithStdin("", args);
    }

    public Result runWithStdin(String stdin, String... args) {
        Map<String, String> e = new HashMap<>(env);
        if (RemoteMode.ON && choosesNothing(e, args)) {
            // the same command against a server over the same store (see RemoteMode)
            e.put("TOKENCTL_HOST", RemoteMode.serverFor(defaultStore(e), clock));
        }
        Context ctx = new Context(Map.copyOf(e), clock, new SecureRandom(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))).withPrompter(prompter);
        return execute(Cli.build(ctx), args);
    }

    /** A run that names no store or server of its own, and no profile but one on the default store. */
    private static boolean choosesNothing(Map<String, String> env, String[] args) {
        if (env.containsKey("TOKENCTL_STORE") || env.containsKey("TOKENCTL_HOST") || env.containsKey("TOKENCTL_PROFILE")) {
            return false;
        }
        io.tokenctl.cli.Config config = io.tokenctl.cli.Config.load(Path.of(env.get("XDG_CONFIG_HOME"), "tokenctl"));
        io.tokenctl.cli.Config.Profile active = config.profile(config.active());
        if (active != null && (active.host() != null && !active.host().equals(RemoteMode.urlOf(defaultStore(env)))
                || active.host() == null && active.store() != null
                && !Path.of(active.store()).toAbsolutePath().equals(defaultStore(env).toAbsolutePath()))) {
            return false;
        }
        for (String a : args) {
            if (a.equals("--store") || a.startsWith("--store=") || a.equals("--host") || a.startsWith("--host=")
                    || a.equals("--profile") || a.startsWith("--profile=") || a.equals("serve") || a.equals("config")) {
                return false;
            }
        }
        return true;
    }

    private static Path defaultStore(Map<String, String> env) {
        return Path.of(env.get("XDG_DATA_HOME")).resolve("tokenctl/tokenctl.db");
    }

    /** Runs {@code args} on a built command line, capturing what it prints. */
    public static Result execute(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Sets up org acme with admin "admin"; returns the operator secret (also saved in the profile). */
    public String setup() {
        return run("setup", "--username", "admin", "--org", "acme").expect(0).secret();
    }

    /** Creates a token with the given flags and returns its secret (via -q). */
    public String create(String... flags) {
        String[] args = new String[flags.length + 3];
        args[0] = "auth";
        args[1] = "create";
        args[2] = "-q";
        System.arraycopy(flags, 0, args, 3, flags.length);
        Result r = run(args).expect(0);
        assertEquals(r.secret() + "\n", r.out(), "-q prints only the secret and a newline");
        return r.secret();
    }

    public static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Runs a command with --json, expects exit 0, and returns the parsed output. */
    public com.fasterxml.jackson.databind.JsonNode json(String... args) {
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
        withJson[args.length] = "--json";
        try {
            return JSON.readTree(run(withJson).expect(0).out());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A token made for a test: its id and its secret. */
    public record Made(String id, String secret) {
    }

    /** Creates a token with the given flags, returning its id and secret (from --json). */
    public Made make(String... flags) {
        String[] args = new String[flags.length + 3];
        args[0] = "auth";
        args[1] = "create";
        args[2] = "--json";
        System.arraycopy(flags, 0, args, 3, flags.length);
        Result r = run(args).expect(0);
        String secret = r.secret();
        Matcher m = Pattern.compile("\"id\" : \"([0-9a-f]{16})\"").matcher(r.out());
        if (!m.find()) {
            throw new AssertionError("no id in " + r.out().replace(secret, "<secret>"));
        }
        return new Made(m.group(1), secret);
    }

    /**
     * Lets every server a remote-mode test started go, so the store file holds all that was written (a test
     * about to copy or inspect it). Nothing in local mode.
     */
    public static void settle() {
        RemoteMode.stopAll();
    }

    /** True when any of the store's files (db, -wal, -shm) holds these bytes. */
    public boolean storeFilesContain(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            Path f = Path.of(store() + suffix);
            if (Files.exists(f) && indexOf(Files.readAllBytes(f), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
