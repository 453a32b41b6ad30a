package io.tokenctl.cli;

import io.tokenctl.api.ApiJson;
import io.tokenctl.api.Results.Org;
import io.tokenctl.api.TokenService;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tokenctl org ...}: tenants. */
@Command(name = "org", mixinStandardHelpOptions = true, description = "Create and list orgs.",
        subcommands = {OrgCommand.Create.class, OrgCommand.ListCmd.class, OrgCommand.Keys.class},
        footerHeading = "%nExample:%n", footer = "  tokenctl org create staging")
final class OrgCommand {

    static void print(BaseCommand cmd, OutputOptions output, List<Org> orgs) {
        Listing.print(cmd.out(), output, orgs, ApiJson::writeOrg, new String[] {"ID", "NAME", "ROLE"},
                o -> new String[] {o.id(), o.name(), o.role() == null ? "" : o.role().wire()});
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an org; you become its admin (needs write:orgs, i.e. an org admin's token).",
            footerHeading = "%nExample:%n", footer = "  tokenctl org create staging")
    static final class Create extends BaseCommand {
        @Parameters(paramLabel = "NAME", description = "Org name (1-64 letters, digits, '.', '_', '@', '-')")
        String name;

        @Mixin
        OutputOptions output;

        @Override
        void run(TokenService service) {
            print(this, output, List.of(service.createOrg(name)));
        }
    }

    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
            description = "List the orgs the operator token works in, with your role in each.",
            footerHeading = "%nExample:%n", footer = "  tokenctl org list --json")
    static final class ListCmd extends BaseCommand {
        @Mixin
        OutputOptions output;

        @Override
        void run(TokenService service) {
            print(this, output, service.listOrgs());
        }
    }

    @Command(name = "keys", mixinStandardHelpOptions = true,
            description = "An org's Ed25519 signing keys for JWT tokens: the newest signs, every present key verifies.",
            subcommands = {Keys.Rotate.class, Keys.Jwks.class, Keys.Remove.class},
            footerHeading = "%nExample:%n", footer = "  tokenctl org keys jwks acme > acme.jwks")
    static final class Keys {
        @Command(name = "rotate", mixinStandardHelpOptions = true,
                description = "Add a new signing key; older keys keep verifying until removed (admins only).",
                footerHeading = "%nExample:%n", footer = "  tokenctl org keys rotate acme")
        static final class Rotate extends BaseCommand {
            @Parameters(paramLabel = "ORG", completionCandidates = Candidates.OrgNames.class, description = "Org name")
            String org;

            @Override
            void run(TokenService service) {
                io.tokenctl.api.Results.SigningKey k = service.rotateOrgKey(org);
                out().println(k.kid());
                err().println("org " + org + " now signs new JWT tokens with key " + k.kid());
            }
        }

        @Command(name = "jwks", mixinStandardHelpOptions = true,
                description = "Print the org's public keys as a JWKS, for `auth verify --offline --jwks`.",
                footerHeading = "%nExample:%n", footer = "  tokenctl org keys jwks acme > acme.jwks")
        static final class Jwks extends BaseCommand {
            @Parameters(paramLabel = "ORG", completionCandidates = Candidates.OrgNames.class, description = "Org name")
            String org;

            @Override
            void run(TokenService service) {
                List<io.tokenctl.api.Results.SigningKey> keys = service.orgKeys(org);
                TokenOutput.write(out(), g -> ApiJson.writeJwks(g, keys));
            }
        }

        @Command(name = "remove", mixinStandardHelpOptions = true,
                description = {"Remove a signing key: JWT tokens it signed stop verifying (admins only). Asks first at a",
                    "terminal; without one, needs --yes."},
                footerHeading = "%nExample:%n", footer = "  tokenctl org keys remove acme 0190a1b2c3d4e5f6 --yes")
        static final class Remove extends BaseCommand {
            @picocli.CommandLine.Mixin
            Confirmation confirm;

            @Parameters(index = "0", paramLabel = "ORG", completionCandidates = Candidates.OrgNames.class, description = "Org name")
            String org;

            @Parameters(index = "1", paramLabel = "KID", description = "Key id (from `org keys jwks`)")
            String kid;

            @Override
            void run(TokenService service) {
                confirm.check(root().ctx, "org keys remove", "removed", () -> "Remove signing key " + kid + " of org "
                        + org + "? Every JWT it signed stops verifying.");
                service.removeOrgKey(org, kid);
                err().println("removed key " + kid + " of org " + org);
            }
        }
    }
}
