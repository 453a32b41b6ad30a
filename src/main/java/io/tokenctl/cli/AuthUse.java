package io.tokenctl.cli;

import io.tokenctl.api.AppState;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.ApiJson;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.FindSecret;
import io.tokenctl.api.Requests.SetAppState;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.Results.AppUse;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.SecretText;
import io.tokenctl.api.Token;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Using tokens: verify a presented token, find a leaked one, and approve or deny the apps that use a token. */
final class AuthUse {
    private AuthUse() {
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Is this token good for this use? Reads the presented token from stdin (never argv) and",
                "answers like RFC 7662 introspection. Needs no operator token. Exit 0 valid; 3 unknown, malformed,",
                "expired, retired, inactive or app pending; 4 IP not allowed, app denied or permission missing.",
                "--offline --jwks FILE checks a JWT's signature and expiry with no store: it can't see revocation."},
            footerHeading = "%nExamples:%n",
            footer = {"  printf %%s \"$TOKEN\" | tokenctl auth verify --app ci --ip 10.1.2.3 --require write:buckets/0a1b2c",
                "  printf %%s \"$JWT\" | tokenctl auth verify --offline --jwks acme.jwks -q"})
    static final class Verify extends BaseCommand {
        @Option(names = "--app", paramLabel = "NAME", description = "Name of the app presenting the token")
        String app;

        @Option(names = "--ip", paramLabel = "ADDR", description = "Client address, checked against --allow-ip networks")
        String ip;

        @Option(names = "--require", paramLabel = "PERM",
                description = "A permission the use needs, e.g. read:buckets or write:buckets/0a1b2c (repeatable)")
        List<String> require;

        @Option(names = "--org", completionCandidates = Candidates.OrgNames.class, paramLabel = "ORG",
                description = "Org the use is in (name or id); permissions are judged there (default: the token's home org)")
        String org;

        @Option(names = "--offline", description = "Check a JWT's signature and expiry against --jwks only (no store)")
        boolean offline;

        @Option(names = "--jwks", paramLabel = "FILE", description = "JWKS file for --offline (from `tokenctl org keys jwks`)")
        Path jwks;

        @Option(names = {"-q", "--quiet"}, description = "Print nothing; the exit code is the answer")
        boolean quiet;

        @Override
        TokenService open(TokenctlCommand root) {
            return root.serviceWithOptionalToken();
        }

        private int code;

        @Override
        void run(TokenService service) {
            List<Permission> required = new ArrayList<>();
            if (require != null) {
                require.forEach(r -> required.add(Permission.parse(r)));
            }
            Verification v;
            if (offline) {
                if (jwks == null) {
                    throw TokenctlException.usage("--offline needs --jwks FILE (from `tokenctl org keys jwks ORG`)");
                }
                if (app != null || ip != null || org != null || !required.isEmpty()) {
                    throw TokenctlException.usage("--offline checks only a JWT's signature and expiry; --app, --ip, --org"
                            + " and --require need the store (drop --offline)");
                }
                byte[] doc;
                try {
                    doc = Files.readAllBytes(jwks);
                } catch (IOException e) {
                    throw TokenctlException.usage("--jwks: cannot read " + jwks + ": " + e.getMessage());
                }
                v = root().ctx.services().verifyOffline(readSecret(), doc, root().ctx.clock());
            } else {
                v = service.verify(new io.tokenctl.api.Requests.Verify(readSecret(), app, ip, required, org));
            }
            if (!quiet) {
                TokenOutput.write(out(), g -> ApiJson.writeVerification(g, v));
            }
            code = v.active() ? 0 : v.code().exitCode();
        }

        @Override
        int exitCode() {
            return code;
        }

        @Override
        boolean opensService() {
            return !offline;
        }
    }

    @Command(name = "find", mixinStandardHelpOptions = true,
            description = {"Which tokens are these secrets? Reads any text from stdin (a log, a config file, a diff),",
                "picks out every tokenctl secret in it (tctl_ secrets whose checksum holds, and tokenctl JWTs) and",
                "shows each one's token (id, owner, status) without printing the secret. Audited. A secret that",
                "belongs to no token here is said on stderr, with its line; none at all is exit 5.",
                "With --json, one object per token found."},
            footerHeading = "%nExample:%n",
            footer = "  tokenctl auth find < leaked.txt && tokenctl auth retire --secret-stdin < leaked.txt")
    static final class Find extends BaseCommand {
        @Mixin
        OutputOptions output;

        @Override
        void run(TokenService service) {
            eachSecret(this, output, service::find);
        }
    }

    /** The most of stdin find and retire --secret-stdin read: a big log, not an endless stream. */
    static final int TEXT_AT_MOST = 64 * 1024 * 1024;

    /**
     * Runs {@code act} on every tokenctl secret in the text on stdin and prints the tokens it answers with. A
     * secret that belongs to no token here gets a line on stderr; when none does, or the text holds no secret at
     * all, the command fails with not found (exit 5).
     */
    static void eachSecret(BaseCommand cmd, OutputOptions output, java.util.function.Function<FindSecret, Token> act) {
        List<SecretText.Found> found = SecretText.in(cmd.readText(TEXT_AT_MOST));
        if (found.isEmpty()) {
            throw TokenctlException.notFound("no tokenctl secret in the text on stdin (looked for tctl_ secrets with a"
                    + " valid checksum, and tokenctl JWTs)");
        }
        if (found.size() > SECRETS_AT_MOST) {
            // each lookup is audited: a text seeded with made-up secrets must not flood the log
            throw TokenctlException.usage("stdin holds " + found.size() + " tokenctl secrets; at most "
                    + SECRETS_AT_MOST + " at a time: split the text");
        }
        List<Token> tokens = new java.util.ArrayList<>();
        TokenctlException first = null;
        for (SecretText.Found f : found) {
            try {
                tokens.add(act.apply(new FindSecret(f.secret())));
            } catch (TokenctlException e) {
                if (e.code() == ErrorCode.FAILURE || e.code() == ErrorCode.UNAVAILABLE || found.size() == 1) {
                    if (!tokens.isEmpty()) {
                        AuthCommand.print(cmd, output, tokens); // what was done before the store failed is said
                    }
                    throw e;
                }
                // a refusal for one secret: say it, go on with the others, and fail at the end
                if (first == null || first.code() == ErrorCode.NOT_FOUND) {
                    first = e;
                }
                cmd.err().println("tokenctl: the secret on line " + f.line() + ": "
                        + io.tokenctl.api.Redact.forTerminal(e.getMessage()));
            }
        }
        if (!tokens.isEmpty()) {
            AuthCommand.print(cmd, output, tokens);
        }
        if (tokens.isEmpty() && first != null && first.code() == ErrorCode.NOT_FOUND) {
            throw TokenctlException.notFound("none of the " + found.size() + " secrets on stdin belongs to a token here");
        }
        if (first != null && first.code() != ErrorCode.NOT_FOUND) {
            // some were refused (not only unknown): the exit says so, after every answer above
            throw new TokenctlException(first.code(), (found.size() - tokens.size()) + " of the " + found.size()
                    + " secrets on stdin were refused (see above)");
        }
    }

    /** The most secrets one find or retire --secret-stdin answers for (each is an audited lookup). */
    static final int SECRETS_AT_MOST = 100;

    @Command(name = "apps", mixinStandardHelpOptions = true,
            description = "List the apps that used a token, with their state and first and last use.",
            footerHeading = "%nExample:%n", footer = "  tokenctl auth apps 65f1c2a09b7e4d11")
    static final class Apps extends OneToken {
        @Override
        void run(TokenService service) {
            printApps(this, output, service.apps(id));
        }
    }

    static void printApps(BaseCommand cmd, OutputOptions output, List<AppUse> apps) {
        Listing.print(cmd.out(), output, apps, ApiJson::writeAppUse,
                new String[] {"APP", "STATE", "FIRST SEEN", "LAST SEEN"},
                a -> new String[] {a.app(), a.state().wire(), TokenOutput.time(a.firstSeen()), TokenOutput.time(a.lastSeen())});
    }

    abstract static class AppDecision extends BaseCommand {
        @Parameters(index = "0", paramLabel = "ID", completionCandidates = Candidates.TokenIds.class, description = "Token id")
        String id;

        @Parameters(index = "1", paramLabel = "APP", description = "App name, as it presents itself (--app)")
        String app;

        @Mixin
        OutputOptions output;

        abstract AppState state();

        @Override
        void run(TokenService service) {
            printApps(this, output, List.of(service.setAppState(new SetAppState(id, app, state()))));
        }
    }

    @Command(name = "approve-app", mixinStandardHelpOptions = true,
            description = "Let an app use a token (owner or admin; audited). Works before the app's first use too.",
            footerHeading = "%nExample:%n", footer = "  tokenctl auth approve-app 65f1c2a09b7e4d11 grafana")
    static final class ApproveApp extends AppDecision {
        @Override
        AppState state() {
            return AppState.ALLOW;
        }
    }

    @Command(name = "deny-app", mixinStandardHelpOptions = true,
            description = "Refuse an app the use of a token: its verifies answer 403 (owner or admin; audited).",
            footerHeading = "%nExample:%n", footer = "  tokenctl auth deny-app 65f1c2a09b7e4d11 old-script")
    static final class DenyApp extends AppDecision {
        @Override
        AppState state() {
            return AppState.DENY;
        }
    }
}
