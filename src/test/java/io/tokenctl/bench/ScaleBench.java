package io.tokenctl.bench;

import io.tokenctl.PgCluster;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.TokenService;
import io.tokenctl.core.Engine;
import io.tokenctl.core.port.StoreAddress;
import io.tokenctl.core.port.StoreOpener;
import io.tokenctl.remote.RemoteTokenService;
import io.tokenctl.server.ServeOptions;
import io.tokenctl.server.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * bench/scale.sh's harness: serve instances in this JVM (each its own engine, pool, listener and Jetty server on
 * loopback) over one embedded PostgreSQL, and one over an SQLite file for the ratios.
 * <ul>
 * <li>{@code lag N}: N retires through instance A, each token cached as active by instance B first; prints the
 * milliseconds from the retire's answer to B's first refusal (B asked in a tight loop), one per line, then the same
 * for N/3 retires made just after every listener's connection was killed (the poll's bound).</li>
 * <li>{@code creates N ROUNDS}: N creates over HTTP on PostgreSQL and on SQLite, rounds alternating, sequential and
 * from 4 threads; prints {@code creates <store> <threads> <creates/s>} lines.</li>
 * <li>{@code serve DIR}: an instance on PostgreSQL and one on SQLite, each with a token to verify; writes
 * {@code DIR/servers.env} (PG_URL, SQLITE_URL, PG_SECRET, SQLITE_SECRET) and serves until {@code DIR/stop} exists.</li>
 * </ul>
 */
public final class ScaleBench {
    static final Permission RB = Permission.parse("read:buckets");

    private ScaleBench() {
    }

    /** One serve instance over {@code where}, on a free loopback port. */
    record Instance(Engine engine, Server server, URI url) implements AutoCloseable {
        static Instance over(StoreAddress where) {
            SecureRandom random = new SecureRandom();
            Engine engine = new Engine(where, StoreOpener.installed(), Clock.systemUTC(), () -> random)
                    .busyTimeout(Duration.ofSeconds(2));
            engine.openOrCreate();
            engine.flushPeriodically();
            Server server = Server.start(engine, ServeOptions.plain(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), 0)), line -> { });
            return new Instance(engine, server, URI.create("http://127.0.0.1:" + server.address().getPort()));
        }

        TokenService as(String secret) {
            return RemoteTokenService.connect(url, secret, new RemoteTokenService.Options(null, false,
                    Duration.ofSeconds(30), null));
        }

        @Override
        public void close() {
            server.stopNow();
            engine.close();
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        switch (args[0]) {
            case "lag" -> lag(Integer.parseInt(args[1]));
            case "creates" -> creates(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "serve" -> serve(Path.of(args[1]));
            default -> throw new IllegalArgumentException("lag N | creates N ROUNDS | serve DIR");
        }
        System.exit(0);
    }

    private static CreateToken reader() {
        return new CreateToken("bench", null, null, false, false, false, List.of(RB), null, null, null, null, null);
    }

    private static void lag(int n) throws Exception {
        String db = PgCluster.get().newDatabase();
        try (Instance a = Instance.over(StoreAddress.database(db, null));
                Instance b = Instance.over(StoreAddress.database(db, null))) {
            String admin = a.as(null).setup(new Setup("admin", "acme", false)).token().secret();
            TokenService viaA = a.as(admin);
            TokenService anonB = b.as(null);
            for (int i = 0; i < 5; i++) {
                once(viaA, anonB, false, db); // warm both paths
            }
            for (int i = 0; i < n; i++) {
                System.out.printf(Locale.ROOT, "lag listening %.3f%n", once(viaA, anonB, false, db));
            }
            for (int i = 0; i < Math.max(1, n / 3); i++) {
                System.out.printf(Locale.ROOT, "lag listener-killed %.3f%n", once(viaA, anonB, true, db));
            }
        }
    }

    /** Milliseconds from a retire's answer through A to B's first refusal of the token B had cached. */
    private static double once(TokenService viaA, TokenService anonB, boolean killListeners, String db)
            throws Exception {
        CreatedToken t = viaA.create(reader());
        Verify v = new Verify(t.secret(), null, null, List.of(RB), null);
        if (!anonB.verify(v).active() || !anonB.verify(v).active()) {
            throw new IllegalStateException("B does not take the new token");
        }
        if (killListeners) {
            try (Connection c = PgCluster.get().superuser("postgres"); Statement st = c.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + PgCluster.databaseOf(db) + "' AND application_name = 'tokenctl listener'");
            }
        }
        viaA.retire(t.token().id());
        long since = System.nanoTime();
        while (anonB.verify(v).active()) {
            if (System.nanoTime() - since > Duration.ofSeconds(5).toNanos()) {
                throw new IllegalStateException("B still takes a token retired 5 s ago");
            }
        }
        double ms = (System.nanoTime() - since) / 1e6;
        if (killListeners) {
            Thread.sleep(600); // let the listeners come back before the next one
        }
        return ms;
    }

    private static void creates(int n, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("scale-bench");
        String db = PgCluster.get().newDatabase();
        try (Instance pg = Instance.over(StoreAddress.database(db, null));
                Instance sqlite = Instance.over(StoreAddress.file(dir.resolve("tokenctl.db")))) {
            List<TokenService> admins = new ArrayList<>();
            for (Instance i : List.of(pg, sqlite)) {
                admins.add(i.as(i.as(null).setup(new Setup("admin", "acme", false)).token().secret()));
            }
            for (TokenService admin : admins) {
                rate(admin, n / 2, 1); // warm-up
            }
            for (int r = 0; r < rounds; r++) {
                for (int threads : new int[] {1, 4}) {
                    List<Integer> order = new ArrayList<>(List.of(0, 1));
                    if (r % 2 == 1) {
                        Collections.reverse(order);
                    }
                    for (int which : order) {
                        System.out.printf(Locale.ROOT, "creates %s %d %.1f%n", which == 0 ? "postgresql" : "sqlite",
                                threads, rate(admins.get(which), n, threads));
                    }
                }
            }
        }
    }

    /** Creates per second: {@code n} creates over HTTP from {@code threads} threads. */
    private static double rate(TokenService admin, int n, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < n / threads; i++) {
                        admin.create(reader());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return (n / threads) * threads / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static void serve(Path dir) throws Exception {
        String db = PgCluster.get().newDatabase();
        try (Instance pg = Instance.over(StoreAddress.database(db, null));
                Instance sqlite = Instance.over(StoreAddress.file(dir.resolve("tokenctl.db")))) {
            StringBuilder env = new StringBuilder();
            for (Instance i : List.of(pg, sqlite)) {
                String name = i == pg ? "PG" : "SQLITE";
                TokenService admin = i.as(i.as(null).setup(new Setup("admin", "acme", false)).token().secret());
                // a store of 1,000 tokens, the sample among them
                for (int t = 0; t < 999; t++) {
                    admin.create(reader());
                }
                env.append(name).append("_URL=").append(i.url()).append('\n');
                env.append(name).append("_SECRET=").append(admin.create(reader()).secret()).append('\n');
            }
            Files.writeString(dir.resolve("servers.env"), env.toString());
            while (!Files.exists(dir.resolve("stop"))) {
                Thread.sleep(200);
            }
        }
    }
}
