package io.tokenctl.bench;

import io.tokenctl.api.Action;
import io.tokenctl.api.AppState;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.api.Permission;
import io.tokenctl.api.ResourceType;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.core.Ids;
import io.tokenctl.core.Permissions;
import io.tokenctl.core.Secrets;
import io.tokenctl.core.port.Rows.AuditRow;
import io.tokenctl.core.port.Rows.OrgRow;
import io.tokenctl.core.port.Rows.SecretRow;
import io.tokenctl.core.port.Rows.TokenRow;
import io.tokenctl.core.port.Rows.UserRow;
import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.StoreAddress;
import io.tokenctl.core.port.StoreOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills a new store for the benchmarks (bench/run.sh): org "acme", admin user "admin" with an all-access operator
 * token, USERS normal users user0000..., and TOKENS user tokens dealt round-robin to them, one second apart in
 * creation time (so ids are unique and every user's tokens are spread over the whole id range: the hard case for
 * {@code auth list --user}). All in one transaction, in batches.
 *
 * <p>Usage: {@code StoreGenerator STORE TOKENS USERS}. Prints {@code OPERATOR_TOKEN=...}, {@code SAMPLE_ID=...}, {@code SAMPLE_SECRET=...}
 * (a token in the middle), {@code SAMPLE_USER=...} as shell assignments.
 */
public final class StoreGenerator {
    private static final int BATCH = 10_000;

    private StoreGenerator() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: StoreGenerator STORE TOKENS USERS");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int tokens = Integer.parseInt(args[1]);
        int users = Integer.parseInt(args[2]);
        if (Files.exists(file)) {
            System.err.println("StoreGenerator: " + file + " exists; remove it first");
            System.exit(1);
        }
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        long started = System.nanoTime();
        SecureRandom random = new FastRandom(42);
        Instant now = Instant.now();
        Instant base = now.minusSeconds(tokens + 86_400L);
        String operatorSecret = Secrets.generate(random);
        String[] sample = new String[2];
        try (Storage store = StoreOpener.installed().open(StoreAddress.file(file), true, java.time.Duration.ofSeconds(15))) {
            store.write(tx -> {
                Instant t0 = base.minusSeconds(3600);
                OrgRow org = new OrgRow(Ids.next(t0, random), "acme", t0);
                tx.insertOrg(org);
                UserRow admin = new UserRow(Ids.next(t0, random), "admin", t0);
                tx.insertUser(admin);
                tx.insertMembership(admin.id(), org.id(), "admin");
                TokenRow op = new TokenRow(Ids.next(t0, random), TokenKind.USER, admin.id(), admin.name(), org.id(),
                        org.name(), true, List.of(), "admin's operator token", TokenStatus.ACTIVE, null,
                        Permissions.allAccess(), null, null, t0, t0, null, null, TokenFormat.OPAQUE, AppState.ALLOW, List.of(),
                        false, 0, null, null, null, List.of(), null, false);
                tx.insertTokens(List.of(op), List.of(new SecretRow(Secrets.hash(operatorSecret), op.id(), null)));
                List<UserRow> owners = new ArrayList<>(users);
                for (int u = 0; u < users; u++) {
                    UserRow user = new UserRow(Ids.next(t0, random), String.format("user%04d", u), t0);
                    tx.insertUser(user);
                    tx.insertMembership(user.id(), org.id(), "normal");
                    owners.add(user);
                }
                List<List<Permission>> shapes = List.of(
                        List.of(Permission.all(Action.READ, ResourceType.BUCKETS)),
                        List.of(Permission.all(Action.READ, ResourceType.BUCKETS),
                                Permission.all(Action.WRITE, ResourceType.BUCKETS)),
                        List.of(Permission.all(Action.READ, ResourceType.DASHBOARDS),
                                Permission.parse("write:buckets/0a1b2c3d4e5f6a7b")));
                List<TokenRow> rows = new ArrayList<>(BATCH);
                List<SecretRow> secrets = new ArrayList<>(BATCH);
                List<AuditRow> audit = new ArrayList<>(BATCH);
                for (int i = 0; i < tokens; i++) {
                    Instant created = base.plusSeconds(i);
                    UserRow owner = owners.get(i % users);
                    List<Permission> perms = shapes.get(i % shapes.size());
                    Instant expires = i % 4 == 0 ? created.plusSeconds(400L * 86_400) : null;
                    TokenStatus status = i % 10 == 9 ? TokenStatus.INACTIVE : TokenStatus.ACTIVE;
                    TokenRow row = new TokenRow(Ids.next(created, random), TokenKind.USER, owner.id(), owner.name(),
                            org.id(), org.name(), false, List.of(org.id()), Permissions.describe(perms) + " #" + i,
                            status, null, perms, expires, null, created, created, op.id(), null, TokenFormat.OPAQUE,
                            AppState.ALLOW, List.of(), false, 0, null, null, null, List.of(), null, false);
                    rows.add(row);
                    String secret = Secrets.generate(random);
                    secrets.add(new SecretRow(Secrets.hash(secret), row.id(), null));
                    audit.add(new AuditRow(null, created, op.id(), "admin", org.id(), "create", row.id(), "allowed", null));
                    if (i == tokens / 2) {
                        sample[0] = row.id();
                        sample[1] = secret; // for the cold verify case; printed only into bench/results (git-ignored)
                    }
                    if (rows.size() == BATCH) {
                        tx.insertTokens(rows, secrets);
                        tx.insertAudits(audit);
                        rows.clear();
                        secrets.clear();
                        audit.clear();
                    }
                }
                if (!rows.isEmpty()) {
                    tx.insertTokens(rows, secrets);
                    tx.insertAudits(audit);
                }
                return null;
            });
        }
        System.out.println("OPERATOR_TOKEN=" + operatorSecret);
        System.out.println("SAMPLE_ID=" + sample[0]);
        System.out.println("SAMPLE_SECRET=" + sample[1]);
        System.out.println("SAMPLE_USER=" + String.format("user%04d", (tokens / 2) % users));
        System.err.printf("StoreGenerator: %d tokens, %d users in %s: %.1f s%n", tokens, users, file,
                (System.nanoTime() - started) / 1e9);
    }

    /** Deterministic and fast, for filler secrets only: never use it for real tokens. */
    static final class FastRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final transient SplittableRandom r;

        FastRandom(long seed) {
            this.r = new SplittableRandom(seed);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (r == null) {
                return; // SecureRandom's constructor may call this before the field is set
            }
            r.nextBytes(bytes);
        }
    }
}
