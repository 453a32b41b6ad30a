package io.tokenctl.cli;

import io.tokenctl.api.ApiJson;
import io.tokenctl.api.Requests.CreateUser;
import io.tokenctl.api.Requests.DeleteUser;
import io.tokenctl.api.Requests.ListUsers;
import io.tokenctl.api.Results.Member;
import io.tokenctl.api.Results.UserDeleted;
import io.tokenctl.api.Role;
import io.tokenctl.api.TokenService;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tokenctl user ...}: people, their orgs and roles. Only org admins manage an org's users. */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Create, list and delete users; a user belongs to orgs with one role each.",
        subcommands = {UserCommand.Create.class, UserCommand.ListCmd.class, UserCommand.Delete.class},
        footerHeading = "%nExample:%n", footer = "  tokenctl user create alice --org acme --role read-only")
final class UserCommand {

    static void print(BaseCommand cmd, OutputOptions output, List<Member> members) {
        Listing.print(cmd.out(), output, members, ApiJson::writeMember, new String[] {"USER", "USER ID", "ORG", "ROLE"},
                m -> new String[] {m.user(), m.userID(), m.org(), m.role().wire()});
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a user in an org with a role, or add an existing user to another org.",
                "Roles: admin (everything), normal (all but write on users and orgs), read-only (read everything)."},
            footerHeading = "%nExample:%n", footer = "  tokenctl user create alice --org acme --role normal")
    static final class Create extends BaseCommand {
        @Parameters(paramLabel = "NAME", description = "User name (1-64 letters, digits, '.', '_', '@', '-')")
        String name;

        @Option(names = "--org", completionCandidates = Candidates.OrgNames.class, paramLabel = "ORG", description = "Org to add the user to (default: TOKENCTL_ORG, else"
                + " the profile's org, else the operator token's)")
        String org;

        @Option(names = "--role", paramLabel = "ROLE", defaultValue = "normal",
                completionCandidates = RoleNames.class,
                description = "admin, normal or read-only (default: ${DEFAULT-VALUE})")
        String role;

        @Mixin
        OutputOptions output;

        @Override
        void run(TokenService service) {
            String in = org != null ? org : root().defaultOrg();
            print(this, output, List.of(service.createUser(new CreateUser(name, in, Role.fromWire(role)))));
        }
    }

    /** Completion candidates for --role. */
    static final class RoleNames extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        RoleNames() {
            super(List.of("admin", "normal", "read-only"));
        }
    }

    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
            description = "List the users of the orgs the operator token works in, with their roles.",
            footerHeading = "%nExample:%n", footer = "  tokenctl user list --org acme --json")
    static final class ListCmd extends BaseCommand {
        @Option(names = "--org", completionCandidates = Candidates.OrgNames.class, paramLabel = "ORG", description = "Only this org")
        String org;

        @Mixin
        OutputOptions output;

        @Override
        void run(TokenService service) {
            print(this, output, service.listUsers(new ListUsers(org)));
        }
    }

    @Command(name = "delete", aliases = "rm", mixinStandardHelpOptions = true,
            description = {"Delete a user: every user token they own is retired at once (account tokens stay).",
                "With --org, only remove them from that org. Asks first at a terminal; without one, needs --yes."},
            footerHeading = "%nExamples:%n",
            footer = {"  tokenctl user delete alice", "  tokenctl user delete alice --org staging --yes"})
    static final class Delete extends BaseCommand {
        @Mixin
        Confirmation confirm;

        @Parameters(paramLabel = "NAME", completionCandidates = Candidates.UserNames.class, description = "User name")
        String name;

        @Option(names = "--org", completionCandidates = Candidates.OrgNames.class, paramLabel = "ORG", description = "Only remove the user from this org")
        String org;

        @Mixin
        OutputOptions output;

        @Override
        void run(TokenService service) {
            confirm.check(root().ctx, "user delete", org == null ? "deleted" : "removed", () -> org != null
                    ? "Remove user " + name + " from org " + org + "? Their tokens stop working there."
                    : "Delete user " + name + "? Every user token they own is retired at once.");
            UserDeleted d = service.deleteUser(new DeleteUser(name, org));
            if (output.json) {
                TokenOutput.write(out(), g -> ApiJson.writeUserDeleted(g, d));
                return;
            }
            if (org != null) {
                err().println("removed " + d.user() + " from org " + org);
            } else {
                err().println("deleted user " + d.user() + "; retired " + d.retiredTokenIDs().size() + " token(s)"
                        + (d.retiredTokenIDs().isEmpty() ? "" : ": " + String.join(", ", d.retiredTokenIDs())));
            }
        }
    }
}
