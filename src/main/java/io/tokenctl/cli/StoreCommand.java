package io.tokenctl.cli;

import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tokenctl store ...}: the store itself. */
@Command(name = "store", mixinStandardHelpOptions = true, description = "Work on a store as a whole.",
        subcommands = {StoreCommand.Copy.class},
        footerHeading = "%nExample:%n",
        footer = "  tokenctl store copy --from ~/.local/share/tokenctl/tokenctl.db --to 'jdbc:postgresql://db/tokenctl?user=tokenctl'")
final class StoreCommand {
    private StoreCommand() {
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copy every org, user, token hash, app, signing key and audit event of one store into a new,",
                "empty one: an SQLite file into PostgreSQL (to outgrow one file), or back. Every token verifies",
                "there as it did here. Stop the servers of the source first: its writes wait meanwhile. The database",
                "password never goes on the command line: --db-password-file, TOKENCTL_DB_PASSWORD or ~/.pgpass."},
            footerHeading = "%nExamples:%n",
            footer = {"  tokenctl store copy --from /var/lib/tokenctl/tokenctl.db \\",
                "      --to 'jdbc:postgresql://db.example.com:5432/tokenctl?user=tokenctl' --db-password-file /run/secrets/db",
                "  tokenctl store copy --from 'jdbc:postgresql://db/tokenctl?user=tokenctl' --to backup.db"})
    static final class Copy extends BaseCommand {
        @Option(names = "--from", required = true, paramLabel = "STORE",
                description = "The store to copy: an SQLite file, or jdbc:postgresql://HOST:PORT/DB?user=U")
        String from;

        @Option(names = "--to", required = true, paramLabel = "STORE",
                description = "The new store: a file that does not exist yet, or an empty PostgreSQL database")
        String to;

        @Option(names = "--db-password-file", paramLabel = "FILE",
                description = "File holding the database password (else env TOKENCTL_DB_PASSWORD, else ~/.pgpass);"
                        + " one password for both sides: when two databases differ, use ~/.pgpass")
        Path dbPasswordFile;

        @Option(names = "--json", description = "Print what was copied as JSON")
        boolean json;

        @Override
        boolean opensService() {
            return false;
        }

        @Override
        void run(TokenService unused) {
            StoreLocation source = location(from);
            StoreLocation target = location(to);
            if (source.dbUrl() == null && target.dbUrl() == null && dbPasswordFile != null) {
                throw TokenctlException.usage("--db-password-file is for a jdbc:postgresql:// store; neither is one");
            }
            List<Map.Entry<String, Long>> copied = root().ctx.services().copyStore(source, target);
            if (json) {
                TokenOutput.write(out(), g -> {
                    g.writeStartObject();
                    g.writeStringField("from", source.toString());
                    g.writeStringField("to", target.toString());
                    g.writeObjectFieldStart("copied");
                    for (Map.Entry<String, Long> e : copied) {
                        g.writeNumberField(e.getKey(), e.getValue());
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                });
                return;
            }
            for (Map.Entry<String, Long> e : copied) {
                out().printf("%,12d  %s%n", e.getValue(), e.getKey());
            }
            out().println("copied " + source + " to " + target + "; serve it with tokenctl serve "
                    + (target.dbUrl() != null ? "--db-url '" + target.dbUrl() + "'" : "--store " + target));
        }

        private StoreLocation location(String store) {
            if (store.startsWith("jdbc:")) {
                return StoreLocation.database(store, dbPasswordFile, root().ctx);
            }
            return StoreLocation.file(Path.of(store));
        }
    }
}
