package io.tokenctl.cli;

import io.tokenctl.api.AppState;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.Durations;
import io.tokenctl.api.Expiry;
import io.tokenctl.api.Requests.CloneToken;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.FindSecret;
import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.Requests.Regenerate;
import io.tokenctl.api.Requests.UpdateToken;
import io.tokenctl.api.Results.TokenPage;
import io.tokenctl.api.Token;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.api.TokenctlException;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tokenctl auth ...}: the token lifecycle. Each subcommand parses, calls the API, prints. */
@Command(name = "auth", mixinStandardHelpOptions = true,
        description = "Create, list, change, regenerate and retire tokens (\"authorizations\").",
        footerHeading = "%nExample:%n",
        footer = "  tokenctl auth list --status active",
        subcommands = {
            AuthCommand.Create.class, AuthCommand.ListCmd.class, AuthCommand.Show.class, AuthCommand.Update.class,
            AuthCommand.Activate.class, AuthCommand.Deactivate.class, AuthCommand.Retire.class,
            AuthCommand.Delete.class, AuthCommand.RegenerateCmd.class, AuthCommand.CloneCmd.class,
            AuthCommand.Promote.class, AuthCommand.RevokeOrgCmd.class, AuthUse.Verify.class, AuthUse.Find.class, AuthUse.Apps.class,
            AuthUse.ApproveApp.class, AuthUse.DenyApp.class})
final class AuthCommand {

    static Expiry expiry(String text) {
        return text == null ? null : Expiry.parse("--expires", text);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a token and print its secret once.",
                "Give --all-access or one or more permission flags; a token never gets more than the operator token holds."},
            footerHeading = "%nExamples:%n",
            footer = {"  tokenctl auth create --read-buckets --write-bucket 0a1b2c --expires 30d --description 'CI writer'",
                "  TOKEN=$(tokenctl auth create -q --read-dashboards)"})
    static final class Create extends BaseCommand {
        @Option(names = "--description", paramLabel = "TEXT",
                description = "What the token is for (at most 256 characters; default: made from the permissions)")
        String description;

        @Option(names = "--user", completionCandidates = Candidates.UserNames.class, paramLabel = "NAME", description = "Owner of the token (default: the operator)")
        String user;

        @Option(names = "--org", completionCandidates = Candidates.OrgNames.class, paramLabel = "NAME",
                description = "Org the token works in; repeat for a fixed list (default: TOKENCTL_ORG, else the profile's"
                        + " org, else the operator token's)")
        List<String> orgs;

        @Option(names = "--all-orgs", description = "Every org the owner belongs to, now and in future")
        boolean allOrgs;

        @Option(names = "--account", description = "An account token, owned by the org rather than a user (admins only)")
        boolean account;

        @Option(names = "--all-access", description = "Every permission in the org; excludes the other permission flags")
        boolean allAccess;

        @Option(names = "--expires", paramLabel = "WHEN",
                description = "90s, 15m, 12h, 30d, 2w, an ISO-8601 time (2027-01-31T00:00:00Z), or never (default)")
        String expires;

        @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.Formats.class,
                description = "opaque (tctl_..., default) or jwt (Ed25519-signed by the org's key)")
        String format;

        @Option(names = "--app-default", paramLabel = "STATE", completionCandidates = Candidates.AppStates.class,
                description = "A new app's first use: allow (default), pending (401 until approved) or deny (403)")
        String appDefault;

        @Option(names = "--allow-ip", paramLabel = "CIDR",
                description = "Only clients in this network (IPv4 or IPv6; repeatable), checked by auth verify --ip")
        List<String> allowIps;

        @Option(names = {"-q", "--quiet"}, description = "Print only the secret (for TOKEN=$(...))")
        boolean quiet;

        @Mixin
        OutputOptions output;

        @Override
        void run(TokenService service) {
            String fallback = (orgs == null || orgs.isEmpty()) && !allOrgs ? root().defaultOrg() : null;
            List<String> inOrgs = fallback != null ? List.of(fallback) : orgs;
            CreatedToken created = service.create(new CreateToken(description, user, inOrgs, allOrgs, account, allAccess,
                    PermissionFlags.collect(spec), expiry(expires),
                    format == null ? null : TokenFormat.fromWire("--format", format),
                    appDefault == null ? null : AppState.fromWire("--app-default", appDefault), allowIps));
            TokenOutput.created(out(), created, quiet, output);
        }
    }

    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
            description = {"List tokens in creation order, a page at a time (100 by default): when more follow, stderr says",
                "\"showing 100 of N tokens\" and the next --after (the output stays a table or, with --json, an array;",
                "exit 0). --all lists every one, page after page."},
            footerHeading = "%nExample:%n",
            footer = "  tokenctl auth list --status active --limit 50 --json")
    static final class ListCmd extends BaseCommand {
        @Option(names = "--user", completionCandidates = Candidates.UserNames.class, paramLabel = "NAME", description = "Only tokens owned by this user")
        String user;

        @Option(names = "--org", completionCandidates = Candidates.OrgNames.class, paramLabel = "NAME", description = "Only tokens that can act in this org, wherever their home org is")
        String org;

        @Option(names = "--status", paramLabel = "STATUS", completionCandidates = Candidates.Statuses.class,
                description = "Only tokens in this status: ${COMPLETION-CANDIDATES}")
        String status;

        @Option(names = "--expiring-within", paramLabel = "DURATION",
                description = "Only active tokens that expire within this long from now (e.g. 7d)")
        String expiringWithin;

        @Option(names = "--limit", paramLabel = "N", description = "At most N tokens (default: 100, at most 10000)")
        Integer limit;

        @Option(names = "--after", paramLabel = "ID", description = "Start after this token id (the next page)")
        String after;

        @Option(names = "--all", description = "Every token, page after page (streamed: any number of tokens)")
        boolean all;

        @Option(names = "--wide", description = "Every permission and the whole description, however wide the terminal")
        boolean wide;

        @Mixin
        OutputOptions output;

        @Override
        void run(TokenService service) {
            TokenStatus st = status == null ? null : TokenStatus.fromWire(status);
            java.time.Duration within = expiringWithin == null ? null : Durations.parse("--expiring-within", expiringWithin);
            Listing.pages(this, output, all, limit, after, (size, cursor) -> {
                TokenPage page = service.list(new ListTokens(user, org, st, within, size, cursor));
                return new Listing.Page<>(page.tokens(), page.next(), page.total());
            }, (g, t) -> io.tokenctl.api.ApiJson.writeToken(g, t, null), TokenOutput.HEADERS, t -> TokenOutput.row(t, wide),
                    "tokens", wide ? 0 : Terminal.columns(root().ctx), TokenOutput.SHRINKABLE);
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one token (never its secret).",
            footerHeading = "%nExample:%n", footer = "  tokenctl auth show 65f1c2a09b7e4d11 --json")
    static final class Show extends OneToken {
        @Override
        void run(TokenService service) {
            Token t = service.show(id);
            if (output.json) {
                TokenOutput.json(out(), t, null);
            } else {
                TokenOutput.detail(out(), t);
            }
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Change a token's description or expiry.",
                "Permissions are fixed at creation: to change access, use `auth clone` with new flags."},
            footerHeading = "%nExample:%n", footer = "  tokenctl auth update 65f1c2a09b7e4d11 --description 'nightly export' --expires 90d")
    static final class Update extends OneToken {
        @Option(names = "--description", paramLabel = "TEXT", description = "New description (at most 256 characters)")
        String description;

        @Option(names = "--expires", paramLabel = "WHEN", description = "New expiry: 30d, an ISO-8601 time, or never")
        String expires;

        @Option(names = "--owner", completionCandidates = Candidates.UserNames.class, paramLabel = "USER",
                description = "New owner, in the token's orgs, whose role must allow its permissions (admins only)")
        String owner;

        @Override
        void run(TokenService service) {
            print(this, output, service.update(new UpdateToken(id, description, expiry(expires), owner)));
        }
    }

    static void print(BaseCommand cmd, OutputOptions output, Token t) {
        print(cmd, output, List.of(t));
    }

    /** Tokens as one table, or with --json one object each (one token: one object, as jq reads a stream). */
    static void print(BaseCommand cmd, OutputOptions output, List<Token> tokens) {
        if (output.json) {
            tokens.forEach(t -> TokenOutput.json(cmd.out(), t, null));
        } else {
            TokenOutput.table(cmd.out(), tokens, output.hideHeaders);
        }
    }

    /** activate, deactivate, retire: one id in, the changed token out. */
    abstract static class StatusChange extends OneToken {
        abstract Token change(TokenService service);

        @Override
        void run(TokenService service) {
            print(this, output, change(service));
        }
    }

    @Command(name = "activate", mixinStandardHelpOptions = true, description = "Let an inactive token work again.",
            footerHeading = "%nExample:%n", footer = "  tokenctl auth activate 65f1c2a09b7e4d11")
    static final class Activate extends StatusChange {
        @Override
        Token change(TokenService service) {
            return service.activate(id);
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true,
            description = "Stop a token working until it is activated again.",
            footerHeading = "%nExample:%n", footer = "  tokenctl auth deactivate 65f1c2a09b7e4d11")
    static final class Deactivate extends StatusChange {
        @Override
        Token change(TokenService service) {
            return service.deactivate(id);
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true,
            description = {"Revoke a token for good; it stays listed as history with status retired.",
                "With --secret-stdin, read any text on stdin (a log, a config file) and retire the token of every",
                "tokenctl secret in it; a secret that belongs to no token here is said on stderr."},
            footerHeading = "%nExamples:%n",
            footer = {"  tokenctl auth retire 65f1c2a09b7e4d11",
                "  tokenctl auth retire --secret-stdin < leaked.txt"})
    static final class Retire extends BaseCommand {
        @Parameters(paramLabel = "ID", arity = "0..1", completionCandidates = Candidates.TokenIds.class,
                description = "Token id (or give --secret-stdin)")
        String id;

        @Option(names = "--secret-stdin", description = "Retire the token of every secret in the text on stdin, instead of an id")
        boolean secretStdin;

        @Mixin
        OutputOptions output;

        @Override
        void run(TokenService service) {
            if (secretStdin == (id != null)) {
                throw TokenctlException.usage("auth retire: give a token ID or --secret-stdin, not both or neither");
            }
            if (secretStdin) {
                AuthUse.eachSecret(this, output, service::retireBySecret);
            } else {
                print(this, output, service.retire(id));
            }
        }
    }

    @Command(name = "promote", mixinStandardHelpOptions = true,
            description = {"Turn a user token into an account token, owned by the org (admins only).",
                "Irreversible: there is no demote. Use it when a token's owner leaves but its app must keep working."},
            footerHeading = "%nExample:%n", footer = "  tokenctl auth promote 65f1c2a09b7e4d11")
    static final class Promote extends StatusChange {
        @Override
        Token change(TokenService service) {
            return service.promote(id);
        }
    }

    @Command(name = "revoke-org", mixinStandardHelpOptions = true,
            description = {"Cut one org out of a token's reach: it stops working there and keeps working in its other",
                "orgs. For an admin of that org, whose power ends at the org's edge (ending the token everywhere takes",
                "its owner or an admin of every org it reaches). Audited in both orgs."},
            footerHeading = "%nExample:%n", footer = "  tokenctl auth revoke-org 65f1c2a09b7e4d11 --org staging")
    static final class RevokeOrgCmd extends OneToken {
        @Option(names = "--org", completionCandidates = Candidates.OrgNames.class, required = true, paramLabel = "ORG", description = "The org to cut out (you are its admin)")
        String org;

        @Override
        void run(TokenService service) {
            print(this, output, service.revokeOrg(new io.tokenctl.api.Requests.RevokeOrg(id, org)));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = {"Delete a token and its history (prefer retire to keep the record). Asks first at a terminal;",
                "without one, needs --yes."},
            footerHeading = "%nExample:%n", footer = "  tokenctl auth delete 65f1c2a09b7e4d11 --yes")
    static final class Delete extends BaseCommand {
        @Parameters(paramLabel = "ID", completionCandidates = Candidates.TokenIds.class, description = "Token id")
        String id;

        @Mixin
        Confirmation confirm;

        @Override
        void run(TokenService service) {
            confirm.check(root().ctx, "auth delete", "deleted", () -> {
                Token t = service.show(id);
                return "Delete token " + t.id() + " (" + t.description() + ", " + (t.user() == null ? "account token of "
                        + t.org() : t.user() + " in " + t.org()) + ") and its history? `auth retire` keeps the record.";
            });
            service.delete(id);
            err().println("deleted token " + id);
        }
    }

    @Command(name = "regenerate", mixinStandardHelpOptions = true,
            description = {"Give a token a new secret, keeping its id and permissions.",
                "The old secret stops at once, or after --grace, or at --old-expires."},
            footerHeading = "%nExamples:%n",
            footer = {"  NEW=$(tokenctl auth regenerate 65f1c2a09b7e4d11 --grace 24h -q)",
                "  tokenctl auth regenerate 65f1c2a09b7e4d11 --old-expires 2027-01-31T00:00:00Z"})
    static final class RegenerateCmd extends OneToken {
        @Option(names = "--grace", paramLabel = "DURATION", description = "Keep the old secret working this long (e.g. 24h)")
        String grace;

        @Option(names = "--old-expires", paramLabel = "TIME", description = "Keep the old secret working until this ISO-8601 time")
        String oldExpires;

        @Option(names = "--revoke-on-reuse",
                description = "Retire the whole token if an old secret is presented after its window (likely leaked)")
        boolean revokeOnReuse;

        @Option(names = {"-q", "--quiet"}, description = "Print only the new secret")
        boolean quiet;

        @Override
        void run(TokenService service) {
            Instant oldAt = null;
            if (oldExpires != null) {
                oldAt = Expiry.parseTime(oldExpires);
                if (oldAt == null) {
                    throw TokenctlException.usage("--old-expires: \"" + oldExpires
                            + "\" is not an ISO-8601 time; use e.g. 2027-01-31T00:00:00Z");
                }
            }
            CreatedToken created = service.regenerate(new Regenerate(id,
                    grace == null ? null : Durations.parse("--grace", grace), oldAt, revokeOnReuse));
            TokenOutput.created(out(), created, quiet, output);
        }
    }

    @Command(name = "clone", mixinStandardHelpOptions = true,
            description = {"Create a new token with a new id and the same permissions as an existing one,",
                "or with the permissions given by flags."},
            footerHeading = "%nExamples:%n",
            footer = {"  tokenctl auth clone 65f1c2a09b7e4d11 --description 'copy for staging'",
                "  TOKEN=$(tokenctl auth clone 65f1c2a09b7e4d11 --read-buckets -q)"})
    static final class CloneCmd extends BaseCommand {
        @Parameters(paramLabel = "ID", completionCandidates = Candidates.TokenIds.class,
                description = "Token id to copy")
        String id;

        @Option(names = "--description", paramLabel = "TEXT", description = "Description of the new token")
        String description;

        @Option(names = "--all-access", description = "Every permission in the org instead of the original's")
        boolean allAccess;

        @Option(names = {"-q", "--quiet"}, description = "Print only the secret")
        boolean quiet;

        @Mixin
        OutputOptions output;

        @Override
        void run(TokenService service) {
            List<io.tokenctl.api.Permission> flags = PermissionFlags.collect(spec);
            CreatedToken created = service.cloneToken(new CloneToken(id, description,
                    flags.isEmpty() && !allAccess ? null : flags, allAccess));
            TokenOutput.created(out(), created, quiet, output);
        }
    }
}
