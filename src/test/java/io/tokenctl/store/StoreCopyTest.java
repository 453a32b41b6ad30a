package io.tokenctl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.PgCluster;
import io.tokenctl.TestClock;
import io.tokenctl.Tokenctl;
import io.tokenctl.api.AppState;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.CreateUser;
import io.tokenctl.api.Requests.DeleteUser;
import io.tokenctl.api.Requests.ListAudit;
import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.Requests.ListUsers;
import io.tokenctl.api.Requests.Regenerate;
import io.tokenctl.api.Requests.RevokeOrg;
import io.tokenctl.api.Requests.SetAppState;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.Results.AuditEvent;
import io.tokenctl.api.Results.AuditPage;
import io.tokenctl.api.Results.TokenPage;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.Role;
import io.tokenctl.api.Token;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.api.TokenService;
import io.tokenctl.core.Engine;
import io.tokenctl.core.port.StoreAddress;
import io.tokenctl.core.port.StoreOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tokenctl store copy}: a store with every kind of row moves from an SQLite file to PostgreSQL and back,
 * and every secret is answered there exactly as it was here; every listing reads the same.
 */
class StoreCopyTest {
    static final Permission RB = Permission.parse("read:buckets");

    @TempDir
    Path home;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    private final SecureRandom random = new SecureRandom();
    private final List<Verify> presented = new ArrayList<>();
    private String admin;

    private Engine engine(StoreAddress where) {
        return new Engine(where, StoreOpener.installed(), clock, () -> random);
    }

    private static CreateToken token(String description, List<Permission> permissions) {
        return new CreateToken(description, null, null, false, false, false, permissions, null, null, null, null, null);
    }

    /** A store with orgs, members, a deleted user, tokens of each kind and state, apps, keys and audit. */
    private void fill(Path file) {
        try (Engine e = engine(StoreAddress.file(file))) {
            admin = e.as(null).setup(new Setup("admin", "acme", false)).token().secret();
            TokenService api = e.as(admin);
            api.createOrg("beta");
            api.createUser(new CreateUser("ann", "acme", Role.NORMAL));
            api.createUser(new CreateUser("ann", "beta", Role.READ_ONLY));
            api.createUser(new CreateUser("gone", "acme", Role.NORMAL));
            CreatedToken plain = api.create(token("plain", List.of(RB)));
            CreatedToken anns = api.create(new CreateToken("ann's", "ann", null, true, false, false, List.of(RB), null,
                    null, null, null, null));
            CreatedToken gones = api.create(new CreateToken("gone's", "gone", null, false, false, false, List.of(RB),
                    null, null, null, null, null));
            api.deleteUser(new DeleteUser("gone", null));
            CreatedToken jwt = api.create(new CreateToken("jwt", null, null, false, false, false, List.of(RB), null,
                    TokenFormat.JWT, null, null, null));
            api.rotateOrgKey("acme");
            CreatedToken pinned = api.create(new CreateToken("pinned", null, null, false, false, false, List.of(RB),
                    null, null, AppState.PENDING, List.of("10.0.0.0/8"), null));
            api.setAppState(new SetAppState(pinned.token().id(), "grafana", AppState.ALLOW));
            api.setAppState(new SetAppState(pinned.token().id(), "curl", AppState.DENY));
            CreatedToken retired = api.create(token("retired", List.of(RB)));
            api.retire(retired.token().id());
            CreatedToken inactive = api.create(token("inactive", List.of(RB)));
            api.deactivate(inactive.token().id());
            CreatedToken rotated = api.create(token("rotated", List.of(RB)));
            CreatedToken fresh = api.regenerate(new Regenerate(rotated.token().id(), Duration.ofHours(24), null, false));
            CreatedToken cut = api.create(new CreateToken("cut", null, List.of("acme", "beta"), false, false, false,
                    List.of(RB), null, null, null, null, null));
            api.revokeOrg(new RevokeOrg(cut.token().id(), "beta"));
            for (CreatedToken t : List.of(plain, anns, gones, jwt, retired, inactive, rotated, fresh, cut)) {
                presented.add(new Verify(t.secret(), null, null, List.of(RB), null));
            }
            presented.add(new Verify(pinned.secret(), "grafana", "10.1.2.3", List.of(RB), null));
            presented.add(new Verify(pinned.secret(), "curl", "10.1.2.3", List.of(RB), null));
            presented.add(new Verify(pinned.secret(), "grafana", "192.168.0.1", List.of(RB), null));
            presented.add(new Verify(pinned.secret(), "new-app", "10.1.2.3", List.of(RB), null));
            presented.add(new Verify(cut.secret(), null, null, List.of(RB), "beta"));
            presented.add(new Verify("tctl_" + "0".repeat(36), null, null, List.of(), null));
        }
    }

    private List<Verification> answers(StoreAddress where) {
        try (Engine e = engine(where)) {
            List<Verification> out = new ArrayList<>();
            for (Verify v : presented) {
                out.add(e.as(admin).verify(v));
            }
            return out;
        }
    }

    /** Everything the admin can list, in order: tokens, each one's apps, users, orgs, keys, the audit log. */
    private List<Object> everything(StoreAddress where) {
        try (Engine e = engine(where)) {
            TokenService api = e.as(admin);
            List<Object> out = new ArrayList<>();
            String after = null;
            do {
                TokenPage page = api.list(new ListTokens(null, null, null, null, 100, after));
                for (Token t : page.tokens()) {
                    out.add(t);
                    out.add(api.apps(t.id()));
                }
                after = page.next();
            } while (after != null);
            out.add(api.listUsers(new ListUsers(null)));
            out.add(api.listOrgs());
            out.add(api.orgKeys("acme"));
            Long cursor = null;
            do {
                AuditPage page = api.audit(new ListAudit(null, null, null, 500, cursor));
                out.addAll(page.events());
                cursor = page.next();
            } while (cursor != null);
            return out;
        }
    }

    @Test
    void aStoreMovesToPostgresAndBackAndEveryTokenAnswersAsBefore() throws Exception {
        Path file = home.resolve("tokenctl.db");
        fill(file);
        List<Verification> before = answers(StoreAddress.file(file));
        assertTrue(before.stream().anyMatch(Verification::active) && before.stream().anyMatch(v -> !v.active()));
        List<Object> listed = everything(StoreAddress.file(file));

        String db = PgCluster.get().newDatabase();
        Tokenctl cli = new Tokenctl(home);
        Tokenctl.Result copied = cli.run("store", "copy", "--from", file.toString(), "--to", db);
        copied.expect(0);
        assertTrue(copied.out().contains("tokens") && copied.out().contains("audit events"), copied.out());
        assertFalse(Tokenctl.SECRET.matcher(copied.out() + copied.err()).find());
        StoreAddress pg = StoreAddress.database(db, null);
        assertEquals(listed, everything(pg), "every listing reads the same in PostgreSQL");
        assertEquals(before, answers(pg), "every secret is answered as before");

        // a new event is numbered after the copied ones
        try (Engine e = engine(pg)) {
            e.as(admin).createOrg("gamma");
        }
        long lastCopied = listed.stream().filter(AuditEvent.class::isInstance).mapToLong(o -> ((AuditEvent) o).seq())
                .max().orElseThrow();
        AuditEvent newest = everything(pg).stream().filter(AuditEvent.class::isInstance).map(AuditEvent.class::cast)
                .reduce((a, b) -> b).orElseThrow();
        assertTrue(newest.seq() > lastCopied, newest + " after " + lastCopied);

        Tokenctl.Result again = cli.run("store", "copy", "--from", file.toString(), "--to", db);
        again.expect(1);
        assertTrue(again.err().contains("already set up") && again.err().strip().lines().count() == 1, again.err());

        Path back = home.resolve("back.db");
        cli.run("store", "copy", "--from", db, "--to", back.toString(), "--json").expect(0);
        assertEquals(everything(pg), everything(StoreAddress.file(back)), "and back again into a file");
    }

    @Test
    void aCopyThatCannotHappenWritesNothing() throws Exception {
        Tokenctl cli = new Tokenctl(home);
        Path missing = home.resolve("missing.db");
        Path target = home.resolve("target.db");
        cli.run("store", "copy", "--from", missing.toString(), "--to", target.toString()).expect(1);
        assertFalse(Files.exists(target), "no store is left behind");
        Tokenctl.Result bad = cli.run("store", "copy", "--from", home.resolve("x.db").toString(), "--to",
                "jdbc:postgresql://127.0.0.1:1/db?user=u&password=p");
        bad.expect(2);
        assertTrue(bad.err().contains("never goes on the command line") && !bad.err().contains("=p"), bad.err());
    }

    /** A batch that fails says which table, never the statement with its values (the signing keys, the hashes). */
    @Test
    void aCopyThatFailsInABatchSaysNoPrivateKey() throws Exception {
        Path file = home.resolve("s.db");
        try (Engine e = engine(StoreAddress.file(file))) {
            String root = e.as(null).setup(new Setup("admin", "acme", false)).token().secret();
            e.as(root).rotateOrgKey("acme");
        }
        String privateKey;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT private_key FROM org_keys LIMIT 1")) {
            rs.next();
            privateKey = rs.getString(1);
        }
        String db = PgCluster.get().newDatabase();
        PostgresStore.open(StoreAddress.database(db, null), Duration.ofSeconds(5)).close(); // an empty tokenctl db
        try (java.sql.Connection c = PgCluster.get().superuser(PgCluster.databaseOf(db));
                java.sql.Statement st = c.createStatement()) {
            // any failure of the batch will do (a connection lost, a value PostgreSQL refuses); here a check
            st.execute("ALTER TABLE org_keys ADD CONSTRAINT short_keys CHECK (length(private_key) < 5)");
        }
        io.tokenctl.api.TokenctlException e = org.junit.jupiter.api.Assertions.assertThrows(
                io.tokenctl.api.TokenctlException.class, () -> io.tokenctl.core.StoreCopying.copy(
                        StoreOpener.installed(), StoreAddress.file(file), StoreAddress.database(db, null)));
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t).append('\n');
        }
        assertFalse(chain.toString().contains(privateKey), "the copy's failure holds a private signing key");
        assertTrue(e.getMessage().contains("org_keys"), e.getMessage());
        // and the --debug trace the CLI would print holds none either
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        assertFalse(trace.toString().contains(privateKey), "the stack trace holds a private signing key");
    }
}
