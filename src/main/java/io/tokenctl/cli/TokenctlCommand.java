package io.tokenctl.cli;

import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.LocalTokenService;
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
            description = "URL of a remote tokenctl serve (env: TOKENCTL_HOST)")
    String host;

    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Profile to use instead of the active one (env: TOKENCTL_PROFILE)")
    String profile;

    @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "File holding the operator token (else env TOKENCTL_TOKEN, else the profile's)")
    Path tokenFile;

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
        }
        return config;
    }

    /** The profile in force: --profile, else TOKENCTL_PROFILE, else the active one. */
    String profileName() {
        if (profile != null) {
            return profile;
        }
        String env = ctx.env("TOKENCTL_PROFILE");
        return env != null ? env : config().active();
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

    /** --store, else TOKENCTL_STORE, else the profile's store, else the XDG default. */
    Path storePath() {
        if (store != null) {
            return store;
        }
        String env = ctx.env("TOKENCTL_STORE");
        if (env != null) {
            return Path.of(env);
        }
        Config.Profile p = activeProfile();
        if (p != null && p.store() != null) {
            return Path.of(p.store());
        }
        return ctx.defaultStore();
    }

    private String hostUrl() {
        if (host != null) {
            return host;
        }
        String env = ctx.env("TOKENCTL_HOST");
        if (env != null) {
            return env;
        }
        Config.Profile p = activeProfile();
        return p == null || store != null || ctx.env("TOKENCTL_STORE") != null ? null : p.host();
    }

    /** --token-file, else TOKENCTL_TOKEN, else the profile's token; null when none is set. */
    private String operatorToken() {
        if (tokenFile != null) {
            return tokenFromFile();
        }
        String env = ctx.env("TOKENCTL_TOKEN");
        if (env != null) {
            return env.strip();
        }
        Config.Profile p = activeProfile();
        return p == null ? null : p.token();
    }

    /** The token in --token-file, or null without the flag. */
    String tokenFromFile() {
        if (tokenFile == null) {
            return null;
        }
        try {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw TokenctlException.usage("--token-file: cannot read " + tokenFile + ": " + e.getMessage());
        }
    }

    /** The API this run talks to. Commands never know whether it is local or remote. */
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

    /** The local store with no operator token, for serve, which verifies presented tokens only. */
    LocalTokenService localService() {
        String url = hostUrl();
        if (url != null) {
            throw TokenctlException.usage("serve works on a local store (--store), not on --host " + url
                    + "; unset TOKENCTL_HOST or use a profile without a host");
        }
        return new LocalTokenService(storePath(), null, ctx.clock(), ctx.random());
    }

    private TokenService open(String token) {
        String url = hostUrl();
        if (url != null) {
            throw TokenctlException.failure("--host " + url + ": this build's commands don't talk to a server yet"
                    + " (`tokenctl serve` answers POST /api/v2/verify only); use --store", null);
        }
        return new LocalTokenService(storePath(), token, ctx.clock(), ctx.random()).notes(this::note);
    }

    /** One line on stderr about something that could not be recorded though the command's answer stands. */
    private void note(String line) {
        java.io.PrintWriter err = spec.commandLine().getErr();
        err.println("tokenctl: note: " + io.tokenctl.api.Redact.forTerminal(line));
        err.flush();
    }
}
