package io.tokenctl.cli;

import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Results.SetupResult;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "setup", mixinStandardHelpOptions = true,
        description = {
            "Set up a new store: the first org, its admin user and an all-access operator token.",
            "The token is printed once and saved in the active profile (0600), so later commands just work; with",
            "--profile NAME it is saved in that profile, which becomes the active one only with --active.",
            "Refuses (exit 1, store untouched) when the store is already set up."},
        footerHeading = "%nExample:%n",
        footer = "  tokenctl setup --username admin --org acme")
final class SetupCommand extends BaseCommand {
    @Option(names = "--username", required = true, paramLabel = "NAME", description = "Name of the first admin user")
    String username;

    @Option(names = "--org", required = true, paramLabel = "NAME", description = "Name of the first org")
    String org;

    @Option(names = "--force", description = "Set up a store file that exists but holds no org,"
            + " and replace the token saved in the profile")
    boolean force;

    @Option(names = "--active", description = "Make the profile the token is saved in the active one (the first"
            + " profile is anyway)")
    boolean active;

    @Option(names = {"-q", "--quiet"}, description = "Print only the operator token")
    boolean quiet;

    @Mixin
    OutputOptions output;

    @Override
    boolean needsToken() {
        return false;
    }

    @Override
    void run(TokenService service) {
        // the same checks core makes, first: a bad name is a usage error before the profile is looked at
        io.tokenctl.api.Limits.name("username", username);
        io.tokenctl.api.Limits.name("org", org);
        TokenctlCommand root = root();
        Config config = root.config();
        String profileName = root.profileName();
        Config.Profile existing = config.profile(profileName);
        if (existing != null && existing.token() != null && !force) {
            throw TokenctlException.conflict("profile \"" + profileName + "\" in " + config.file()
                    + " already holds an operator token; pass --force to replace it, or --profile NAME for a new one");
        }
        // the operator token is made once: make sure it can be saved before the store is set up
        config.save();
        SetupResult result = service.setup(new Setup(username, org, force));
        Target target = root.target();
        String store = target.remote() ? target.host().toString() : target.store().toAbsolutePath().toString();
        config.put(target.remote()
                ? new Config.Profile(profileName, null, store, result.token().secret(),
                        target.caCert() == null ? null : target.caCert().toAbsolutePath().toString())
                : new Config.Profile(profileName, store, null, result.token().secret()));
        // a setup under --profile X leaves the active profile as it was: the next plain command stays where it was
        if (config.profiles().size() == 1 || active) {
            config.use(profileName);
        }
        TokenctlException unsaved = null;
        try {
            config.save();
        } catch (TokenctlException e) {
            unsaved = e;
        }
        if (quiet || output.json || unsaved != null) {
            TokenOutput.created(out(), result.token(), quiet || unsaved != null, output);
            if (unsaved != null) {
                out().flush();
                throw TokenctlException.failure("the store is set up but the operator token above could not be"
                        + " saved: " + unsaved.getMessage() + "; keep it and pass it with --token-file", unsaved);
            }
            return;
        }
        out().printf("Set up org %s (%s) with admin user %s (%s) %s %s.%n", result.org(), result.orgID(), result.user(),
                result.userID(), target.remote() ? "on" : "in", store);
        out().printf("Operator token %s has all access; it is saved in profile \"%s\" (%s).%n",
                result.token().token().id(), profileName, config.file());
        out().println("Secret (shown only this once; store it somewhere safe too):");
        out().println(result.token().secret());
        if (!profileName.equals(config.active())) {
            err().println("tokenctl: profile \"" + profileName + "\" is not the active one (\"" + config.active()
                    + "\" is): use it with --profile " + profileName + ", or `tokenctl config use " + profileName + "`");
        }
    }
}
