package io.tokenctl.cli;

import io.tokenctl.api.ApiJson;
import io.tokenctl.api.Results.Me;
import io.tokenctl.api.Results.Org;
import io.tokenctl.api.TokenService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tokenctl whoami}: who the operator token is, where it works, and with what role. */
@Command(name = "whoami", mixinStandardHelpOptions = true,
        description = "Show who the operator token is: its owner, its token id, and the orgs it works in with its role in each.",
        footerHeading = "%nExample:%n", footer = "  tokenctl whoami --json")
final class WhoamiCommand extends BaseCommand {
    @Mixin
    OutputOptions output;

    @Override
    void run(TokenService service) {
        Me me = service.me();
        if (output.json) {
            TokenOutput.write(out(), g -> ApiJson.writeMe(g, me));
            return;
        }
        Table t = new Table("FIELD", "VALUE");
        t.row("User", me.id() == null ? me.name() : me.name() + " (" + me.id() + ")").row("Token", me.tokenID())
                .row("Kind", me.kind().wire()).row("Home org", me.org() + " (" + me.orgID() + ")");
        for (Org o : me.orgs()) {
            t.row("Org", o.name() + " (" + o.id() + "): " + (o.role() == null ? "" : o.role().wire()));
        }
        t.row("Permissions", TokenOutput.permissions(me.permissions()));
        t.row("Expires", me.expiresAt() == null ? "never" : TokenOutput.time(me.expiresAt()));
        t.print(out(), true);
    }
}
