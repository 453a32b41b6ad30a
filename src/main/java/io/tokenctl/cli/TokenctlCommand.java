package io.tokenctl.cli;

import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level command: where the store or server is, which profile, which operator token. Its subcommands are
 * listed in {@link Cli#COMMANDS}, which adds only the one being run.
 */
@Command(name = "tokenctl",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Issue, manage and verify API tokens against an embedded SQLite store or a remote tokenctl serve.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tokenctl setup --username admin --org acme",
            "  tokenctl auth create --read-buckets --expires 30d --description 'CI reader'",
            "",
            "Exit status:",
            "  0 ok, 1 failure (store unreachable, conflict), 2 usage or bad value,",
            "  3 not authenticated or token invalid, 4 forbidden, 5 not found."
        })
public final class TokenctlCommand {
    final Context ctx;

    @Option(names = "--store", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "SQLite store file (env: TOKENCTL_STORE; default: $XDG_DATA_HOME/tokenctl/tokenctl.db)")
    Path store;

    @Option(names = "--host", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "URL of a remote tokenctl serve, e.g. http://127.0.0.1:8086 (env: TOKENCTL_HOST)")
    String host;

    @Option(names = "--profile", paramLabel = "NAME", completionCandidates = Candidates.ProfileNames.class, scope = ScopeType.INHERIT,
            description = "Profile to use instead of the active one (env: TOKENCTL_PROFILE)")
    String profile;

    @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "File holding the operator token (else env TOKENCTL_TOKEN, else the profile's)")
    Path tokenFile;

    @Option(names = "--ca-cert", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "PEM certificate of a private CA to trust for an https --host (env: TOKENCTL_CA_CERT)")
    Path caCert;

    @Option(names = "--skip-verify", scope = ScopeType.INHERIT,
            description = "Don't check an https --host's certificate: for test set-ups only, never in production")
    boolean skipVerify;

    @Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT,
            description = "How long to wait for a --host to connect and answer (default: 10s)")
    String timeout;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces of failures")
    boolean debug;

    @Spec
    CommandSpec spec;

    private Config config;
    private boolean newProfileAllowed;

    public TokenctlCommand(Context ctx) {
        this.ctx = ctx;
    }

    Config config() {
        if (config == null) {
            config = Config.load(ctx.configDir());
            warnIfOpen(config.file(), "config");
        }
        return config;
    }

    /** The files and folders this run has warned about already: each once. */
    private final java.util.Set<Path> warned = new java.util.HashSet<>();

    /** A line on stderr when others may read or write {@code p} (see {@link FileModes}), once a run. */
    void warnIfOpen(Path p, String what) {
        if (p == null || !warned.add(p.toAbsolutePath())) {
            return;
        }
        String w = FileModes.warning(p, what);
        if (w != null) {
            java.io.PrintWriter err = spec.commandLine().getErr();
            err.println("tokenctl: warning: " + io.tokenctl.api.Redact.forTerminal(w));
            err.flush();
        }
    }

    /** The profile in force: --profile, else TOKENCTL_PROFILE, else the active one. */
    String profileName() {
        if (profile != null) {
            return profile;
        }
        String env = ctx.env("TOKENCTL_PROFILE");
        return env != null ? env : config().active();
    }

    /**
     * The org a command that makes something in an org (auth create, user create) uses when given no --org:
     * TOKENCTL_ORG, else the profile's org, else none (the operator token's own org), as influx has INFLUX_ORG.
     */
    String defaultOrg() {
        String env = ctx.env("TOKENCTL_ORG");
        if (env != null) {
            return env;
        }
        Config.Profile p = activeProfile();
        return p == null ? null : p.org();
    }

    private Config.Profile activeProfile() {
        String name = profileName();
        Config.Profile p = config().profile(name);
        if (p == null && !newProfileAllowed && (profile != null || ctx.env("TOKENCTL_PROFILE") != null)) {
            throw TokenctlException.usage("--profile: no profile named \"" + name + "\" in " + config().file()
                    + "; see `tokenctl config list`");
        }
        return p;
    }

    /**
     * Where this run's calls go. The flags first (--store or --host, not both), then the environment
     * (TOKENCTL_STORE or TOKENCTL_HOST, not both), then the profile, then the default store; and field by field the
     * same for the CA certificate.
     */
    Target target() {
        if (store != null && host != null) {
            throw TokenctlException.usage("--store and --host exclude each other: a command talks to a store file or"
                    + " to a server; give one");
        }
        Path file = store;
        String url = host;
        if (file == null && url == null) {
            String envStore = ctx.env("TOKENCTL_STORE");
            String envHost = ctx.env("TOKENCTL_HOST");
            if (envStore != null && envHost != null) {
                throw TokenctlException.usage("TOKENCTL_STORE and TOKENCTL_HOST are both set: a command talks to a store"
                        + " file or to a server; unset one");
            }
            if (envStore != null) {
                file = Path.of(envStore);
            } else if (envHost != null) {
                url = envHost;
            } else {
                Config.Profile p = activeProfile();
                if (p != null && p.host() != null) {
                    url = p.host();
                } else {
                    file = p != null && p.store() != null ? Path.of(p.store()) : ctx.defaultStore();
                }
            }
        }
        if (file != null) {
            return Target.local(file);
        }
        Path ca = caCert;
        if (ca == null && ctx.env("TOKENCTL_CA_CERT") != null) {
            ca = Path.of(ctx.env("TOKENCTL_CA_CERT"));
        }
        if (ca == null) {
            Config.Profile p = activeProfile();
            ca = p == null || p.caCert() == null ? null : Path.of(p.caCert());
        }
        java.time.Duration wait = timeout == null ? Target.DEFAULT_TIMEOUT
                : io.tokenctl.api.Durations.parse("--timeout", timeout);
        return new Target(null, hostUri(url), ca, skipVerify, wait, debug);
    }

    /** An http or https URL with a host, as --host takes it. */
    static java.net.URI hostUri(String url) {
        try {
            java.net.URI u = new java.net.URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && u.getRawQuery() == null
                    && u.getRawFragment() == null && u.getRawUserInfo() == null) {
                return u;
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw TokenctlException.usage("--host: " + io.tokenctl.api.Limits.quoted(url) + " is not a server URL; use"
                + " e.g. http://127.0.0.1:8086 or https://tokens.example.com");
    }

    /** The store file a server serves: serve refuses a --host. */
    Path storePath() {
        Target t = target();
        if (t.remote()) {
            throw TokenctlException.usage("serve works on a local store (--store), not on --host " + t.host()
                    + "; unset TOKENCTL_HOST or use a profile without a host");
        }
        return t.store();
    }

    /** What a command that needs an operator token says when it had none and was refused for it. */
    static final String NO_TOKEN_HINT = "; set TOKENCTL_TOKEN, pass --token-file FILE, or run `tokenctl setup` to save"
            + " one in the active profile";

    /**
     * --token-file, else TOKENCTL_TOKEN, else the profile's token; null when none is set. The profile's token goes
     * only to the profile's own server: a --host or TOKENCTL_HOST elsewhere gets none from it, so a saved token
     * never travels to a URL someone typed.
     */
    String operatorToken() {
        if (tokenFile != null) {
            return tokenFromFile();
        }
        String env = ctx.env("TOKENCTL_TOKEN");
        if (env != null) {
            return env.strip();
        }
        Config.Profile p = activeProfile();
        if (p == null || p.token() == null) {
            return null;
        }
        Target t = target();
        if (t.remote() && (p.host() == null || !hostUri(p.host()).equals(t.host()))) {
            return null;
        }
        return p.token();
    }

    /** The token in --token-file, or null without the flag. */
    String tokenFromFile() {
        if (tokenFile == null) {
            return null;
        }
        warnIfOpen(tokenFile, "token file");
        try {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw TokenctlException.usage("--token-file: cannot read " + tokenFile + ": " + e.getMessage());
        }
    }

    /** The API this run talks to, as the operator token. Commands never know whether it is local or remote. */
    TokenService service() {
        return open(operatorToken());
    }

    /** The API without an operator token: for setup, which makes the first one. */
    TokenService serviceWithoutToken() {
        newProfileAllowed = true;
        return open(null);
    }

    /**
     * The API with the operator token if one is set, else none: for verify, which needs none but tells a caller
     * who may see a token why its secret failed.
     */
    TokenService serviceWithOptionalToken() {
        return open(operatorToken());
    }

    /** The store a server serves (serve refuses a --host). */
    io.tokenctl.api.ServedStore servedStore(StoreLocation where, java.util.function.Consumer<String> log) {
        return ctx.services().serve(where, log);
    }

    /** Whether --store was given on the command line (serve --db-url refuses it). */
    boolean storeFlagGiven() {
        return store != null;
    }

    private TokenService open(String token) {
        Target t = target();
        if (!t.remote() && t.store() != null) {
            Path file = t.store().toAbsolutePath();
            warnIfOpen(file, "store");
            warnIfOpen(file.getParent(), "store folder");
        }
        return ctx.services().open(t, token, this::note);
    }

    /** One line on stderr about something that could not be recorded though the command's answer stands. */
    private void note(String line) {
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println("tokenctl: note: " + io.tokenctl.api.Redact.forTerminal(line));
        err.flush();
    }
}
