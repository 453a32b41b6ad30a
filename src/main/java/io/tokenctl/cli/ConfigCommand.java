package io.tokenctl.cli;

import io.tokenctl.api.TokenctlException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tokenctl config ...}: named profiles (a store or a host, and an operator token). */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Manage profiles in $XDG_CONFIG_HOME/tokenctl/config: which store or server, which operator token.",
        footerHeading = "%nExample:%n",
        footer = "  tokenctl config list",
        subcommands = {ConfigCommand.Create.class, ConfigCommand.Set.class, ConfigCommand.ListCmd.class,
            ConfigCommand.Use.class, ConfigCommand.Delete.class})
final class ConfigCommand {

    abstract static class ConfigAction implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        TokenctlCommand root() {
            return (TokenctlCommand) spec.root().userObject();
        }

        @Override
        public final Integer call() {
            run(root().config());
            spec.commandLine().getOut().flush();
            return 0;
        }

        abstract void run(Config config);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a profile from --store or --host (with --ca-cert for a private CA), with the operator",
                "token from --token-file. The token never goes on the command line. A flag or environment variable",
                "overrides the profile's field of the same kind, one field at a time."},
            footerHeading = "%nExamples:%n",
            footer = {"  tokenctl --store /srv/tokens.db --token-file ./op.token config create prod --active",
                "  tokenctl --host https://tokens.example.com --ca-cert ca.pem --token-file ./op.token config create remote"})
    static final class Create extends ConfigAction {
        @Parameters(paramLabel = "NAME", description = "Profile name")
        String name;

        @Option(names = "--active", description = "Make it the active profile")
        boolean active;

        @Option(names = "--org", paramLabel = "NAME", completionCandidates = Candidates.OrgNames.class,
                description = "The org auth create and user create use when given"
                + " no --org (TOKENCTL_ORG overrides it)")
        String org;

        @Override
        void run(Config config) {
            io.tokenctl.api.Limits.name("profile name", name);
            if (config.exists(name)) {
                throw TokenctlException.conflict("profile \"" + name + "\" exists; delete it first");
            }
            TokenctlCommand r = root();
            if (r.store != null && r.host != null) {
                throw TokenctlException.usage("--store and --host exclude each other: a profile names a store file or a"
                        + " server; give one");
            }
            if (r.caCert != null && r.host == null) {
                throw TokenctlException.usage("--ca-cert is for a profile with --host (an https server)");
            }
            String token = r.tokenFromFile();
            String store = r.store == null ? null : r.store.toAbsolutePath().toString();
            if (store == null && r.host == null) {
                store = r.ctx.defaultStore().toString();
            }
            String host = r.host == null ? null : TokenctlCommand.hostUri(r.host).toString();
            if (org != null) {
                io.tokenctl.api.Limits.name("--org", org);
            }
            config.put(new Config.Profile(name, store, host, token,
                    r.caCert == null ? null : r.caCert.toAbsolutePath().toString(), org));
            if (active || config.profiles().size() == 1) {
                config.use(name);
            }
            config.save();
            spec.commandLine().getErr().println("created profile " + name);
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Change a profile in place: point it at another --store or --host (the other is cleared; a",
                "--ca-cert stays only with a host), or give it the operator token in --token-file. What is not given",
                "stays. A store moved into a database keeps its operator token: set the profile's --host to the",
                "instances and go on."},
            footerHeading = "%nExamples:%n",
            footer = {"  tokenctl --host http://127.0.0.1:8086 config set default",
                "  tokenctl --token-file ./new.token config set prod"})
    static final class Set extends ConfigAction {
        @Parameters(paramLabel = "NAME", completionCandidates = Candidates.ProfileNames.class, description = "Profile name")
        String name;

        @Option(names = "--org", paramLabel = "NAME", completionCandidates = Candidates.OrgNames.class,
                description = "The org auth create and user create use when given"
                + " no --org; --org '' clears it")
        String org;

        @Override
        void run(Config config) {
            if (!config.exists(name)) {
                throw TokenctlException.notFound("no profile named \"" + name + "\" in " + config.file()
                        + "; make it with `tokenctl config create " + name + "`");
            }
            TokenctlCommand r = root();
            if (r.store != null && r.host != null) {
                throw TokenctlException.usage("--store and --host exclude each other: a profile names a store file or a"
                        + " server; give one");
            }
            if (r.store == null && r.host == null && r.tokenFile == null && r.caCert == null && org == null) {
                throw TokenctlException.usage("nothing to change: give --store, --host, --token-file, --ca-cert or --org");
            }
            if (org != null && !org.isEmpty()) {
                io.tokenctl.api.Limits.name("--org", org);
            }
            Config.Profile was = config.profile(name);
            String host = r.host != null ? TokenctlCommand.hostUri(r.host).toString() : r.store != null ? null : was.host();
            if (r.caCert != null && host == null) {
                throw TokenctlException.usage("--ca-cert is for a profile with --host (an https server)");
            }
            String store = r.store != null ? r.store.toAbsolutePath().toString() : r.host != null ? null : was.store();
            String ca = r.caCert != null ? r.caCert.toAbsolutePath().toString() : host == null ? null : was.caCert();
            String token = r.tokenFile != null ? r.tokenFromFile() : was.token();
            String o = org == null ? was.org() : org.isEmpty() ? null : org;
            config.put(new Config.Profile(name, store, host, token, ca, o));
            config.save();
            spec.commandLine().getErr().println("changed profile " + name + ": " + (host != null ? "host " + host
                    : "store " + store) + (token == null ? ", no operator token" : ", operator token saved"));
        }
    }

    @Command(name = "list", aliases = "ls", mixinStandardHelpOptions = true,
            description = "List profiles; the active one is marked with *.",
            footerHeading = "%nExample:%n", footer = "  tokenctl config list --json")
    static final class ListCmd extends ConfigAction {
        @Mixin
        OutputOptions output;

        @Override
        void run(Config config) {
            String active = config.active();
            Listing.print(spec.commandLine().getOut(), output, List.copyOf(config.profiles().values()), (g, p) -> {
                g.writeStartObject();
                g.writeStringField("name", p.name());
                g.writeBooleanField("active", p.name().equals(active));
                g.writeStringField("store", p.store());
                g.writeStringField("host", p.host());
                g.writeStringField("caCert", p.caCert());
                g.writeBooleanField("hasToken", p.token() != null);
                g.writeStringField("org", p.org());
                g.writeEndObject();
            }, new String[] {"ACTIVE", "NAME", "STORE", "HOST", "TOKEN", "ORG"},
                p -> new String[] {p.name().equals(active) ? "*" : "", p.name(), p.store(), p.host(),
                    p.token() == null ? "" : "saved", p.org()});
        }
    }

    @Command(name = "use", mixinStandardHelpOptions = true, description = "Make a profile the active one.",
            footerHeading = "%nExample:%n", footer = "  tokenctl config use prod")
    static final class Use extends ConfigAction {
        @Parameters(paramLabel = "NAME", completionCandidates = Candidates.ProfileNames.class, description = "Profile name")
        String name;

        @Override
        void run(Config config) {
            if (!config.exists(name)) {
                throw TokenctlException.notFound("no profile named \"" + name + "\" in " + config.file());
            }
            config.use(name);
            config.save();
        }
    }

    @Command(name = "delete", aliases = "rm", mixinStandardHelpOptions = true,
            description = "Delete a profile (and the operator token saved in it). Asks first at a terminal when it is the active profile or holds a token; without one, needs --yes.",
            footerHeading = "%nExample:%n", footer = "  tokenctl config delete old")
    static final class Delete extends ConfigAction {
        @Parameters(paramLabel = "NAME", completionCandidates = Candidates.ProfileNames.class, description = "Profile name")
        String name;

        @Mixin
        Confirmation confirm;

        @Override
        void run(Config config) {
            if (!config.exists(name)) {
                throw TokenctlException.notFound("no profile named \"" + name + "\" in " + config.file());
            }
            boolean active = name.equals(config.active());
            boolean token = config.profile(name).token() != null;
            if (active || token) {
                // the operator token saved here may be its only copy: it is printed once, at setup or create
                confirm.check(root().ctx, "config delete", "deleted", () -> "Delete profile " + name
                        + (active ? " (the active one)" : "") + (token ? " and the operator token saved in it, which may be"
                        + " its only copy" : "") + "?");
            }
            config.remove(name);
            config.save();
        }
    }
}
