package io.tokenctl.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tokenctl.api.ApiJson;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Token;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/** How tokens are printed: a table for people, JSON for machines, the bare secret for {@code -q}. */
final class TokenOutput {
    private TokenOutput() {
    }

    static final String[] HEADERS = {"ID", "DESCRIPTION", "KIND", "STATUS", "USER", "ORG", "EXPIRES", "HASH", "PERMISSIONS"};

    static void table(PrintWriter out, List<Token> tokens, boolean hideHeaders) {
        Table t = new Table(HEADERS);
        tokens.forEach(k -> t.row(row(k, false)));
        t.print(out, hideHeaders);
    }

    /** Where a token table may narrow to fit a terminal: DESCRIPTION, then PERMISSIONS, then HASH. */
    static final int[] SHRINKABLE = {1, 8, 7};

    /** A token's row; not {@code wide}: its permissions as a summary ("read:buckets +5"). */
    static String[] row(Token k, boolean wide) {
        return new String[] {k.id(), k.description(), k.kind().wire(), k.status().wire(), k.user(), k.org(),
            time(k.expiresAt()), k.hash(), wide ? permissions(k.permissions()) : summary(k.permissions())};
    }

    /** "all access", one permission as it is, or the first and how many more: "read:buckets +5". */
    static String summary(List<Permission> permissions) {
        String all = permissions(permissions);
        if (all.equals("all access") || permissions.size() <= 1) {
            return all;
        }
        return permissions.get(0) + " +" + (permissions.size() - 1);
    }

    static void json(PrintWriter out, List<Token> tokens) {
        write(out, g -> {
            g.writeStartArray();
            for (Token k : tokens) {
                ApiJson.writeToken(g, k, null);
            }
            g.writeEndArray();
        });
    }

    static void json(PrintWriter out, Token token, String secret) {
        write(out, g -> ApiJson.writeToken(g, token, secret));
    }

    /** One token in detail, a field a line. */
    static void detail(PrintWriter out, Token k) {
        Table t = new Table("FIELD", "VALUE");
        t.row("ID", k.id()).row("Description", k.description()).row("Kind", k.kind().wire())
                .row("Status", k.status().wire()).row("User", k.user() == null ? "" : k.user() + " (" + k.userID() + ")")
                .row("Org", k.org() + " (" + k.orgID() + ")")
                .row("Scope", k.allOrgs() ? "all orgs of the owner" + (k.excludedOrgIDs().isEmpty() ? ""
                        : " but " + String.join(",", k.excludedOrgIDs()) + " (cut out by their admins)")
                        : String.join(",", k.orgIDs()))
                .row("Hash", k.hash())
                .row("Created", time(k.createdAt())).row("Updated", time(k.updatedAt()))
                .row("Expires", time(k.expiresAt())).row("Permissions", permissions(k.permissions()));
        if (k.retiredReason() != null) {
            t.row("Retired", k.retiredReason());
        }
        if (k.deactivatedBy() != null) {
            t.row("Deactivated", "by " + k.deactivatedBy() + (k.deactivatedAbove()
                    ? ", above its owner: only an admin of every org it reaches may activate it" : ""));
        }
        t.row("Format", k.format().wire()).row("App default", k.appDefault().wire())
                .row("Allowed IPs", k.allowIPs().isEmpty() ? "any" : String.join(",", k.allowIPs()))
                .row("Last used", k.lastUsedAt() == null ? "never" : time(k.lastUsedAt())
                        + (k.lastUsedIP() == null ? "" : " from " + k.lastUsedIP())
                        + (k.lastUsedApp() == null ? "" : " by " + k.lastUsedApp()));
        t.print(out, true);
    }

    /** Prints a new secret: alone with {@code -q}, as JSON with {@code --json}, else with a table and a warning. */
    static void created(PrintWriter out, CreatedToken created, boolean quiet, OutputOptions output) {
        if (quiet) {
            out.println(created.secret());
        } else if (output.json) {
            json(out, created.token(), created.secret());
        } else {
            table(out, List.of(created.token()), output.hideHeaders);
            out.println();
            out.println("Secret (shown only this once; store it now):");
            out.println(created.secret());
        }
    }

    static String time(Instant at) {
        return at == null ? "never" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String permissions(List<Permission> permissions) {
        return permissions.size() == io.tokenctl.api.ResourceType.values().length * 2 ? "all access"
                : permissions.stream().map(Permission::toString).collect(Collectors.joining(","));
    }

    interface JsonWork {
        void write(JsonGenerator g) throws IOException;
    }

    /** Loads and initialises the JSON writer (Jackson), once per JVM: for the launcher's warm-up thread. */
    static void warmUp() {
        write(new PrintWriter(java.io.Writer.nullWriter()), g -> {
            g.writeStartObject();
            g.writeStringField("warm", "up");
            g.writeEndObject();
        });
    }

    /** One compact JSON value on one line (JSON lines, for a stream that never ends). */
    static void writeLine(PrintWriter out, JsonWork work) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            work.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    static void write(PrintWriter out, JsonWork work) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            work.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
