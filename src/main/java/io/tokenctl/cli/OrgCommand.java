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
        subcommands = {OrgCommand.Create.class, OrgCommand.ListCmd.class},
        footerHeading = "%nExample:%n", footer = "  tokenctl org create staging")
final class OrgCommand {

    static void print(BaseCommand cmd, OutputOptions output, List<Org> orgs) {
        if (output.json) {
            TokenOutput.write(cmd.out(), g -> {
                g.writeStartArray();
                for (Org o : orgs) {
                    ApiJson.writeOrg(g, o);
                }
                g.writeEndArray();
            });
            return;
        }
        Table t = new Table("ID", "NAME", "ROLE");
        orgs.forEach(o -> t.row(o.id(), o.name(), o.role() == null ? "" : o.role().wire()));
        t.print(cmd.out(), output.hideHeaders);
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
}
