package io.tokenctl.scale;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.PgCluster;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.CreateUser;
import io.tokenctl.api.Requests.ListAudit;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.Role;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Regression tests from the issue 13 review: each failed on the code before the fix. A database that is fine but
 * busy with writes, or a listener cut silently, must never turn a cached verify into a 503 or a stale answer.
 */
class CacheUnderPressureTest {
    static final Permission RB = Permission.parse("read:buckets");
    static final long WRITE_LOCK = 0x746f6b656e63746cL;

    private static CreateToken reader(String d) {
        return new CreateToken(d, null, null, false, false, false, List.of(RB), null, null, null, null, null);
    }

    private static Verify v(String s) {
        return new Verify(s, null, null, List.of(RB), null);
    }

    private static String outcome(Instance i, String secret) {
        try {
            return i.engine.as(null).verify(v(secret)).active() ? "active" : "refused";
        } catch (TokenctlException e) {
            return e.code().name();
        }
    }

    /** Writes queued on another instance's write lock must not hold every pool connection: the poll still runs. */
    @Test
    void writesQueuedBehindTheWriteLockLeaveCachedVerifiesAnswering() throws Exception {
        String db = PgCluster.get().newDatabase();
        try (Instance a = new Instance(db)) {
            String admin = a.engine.as(null).setup(new Setup("admin", "acme", false)).token().secret();
            CreatedToken t = a.engine.as(admin).create(reader("t"));
            assertTrue(a.engine.as(null).verify(v(t.secret())).active());
            assertTrue(a.engine.as(null).verify(v(t.secret())).active());
            try (Connection other = PgCluster.get().superuser(PgCluster.databaseOf(db));
                    Statement st = other.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + WRITE_LOCK + ")"); // another instance's long write
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService pool = Executors.newFixedThreadPool(24);
                for (int i = 0; i < 24; i++) {
                    int n = i;
                    pool.submit(() -> {
                        while (!stop.get()) {
                            try {
                                a.engine.as(admin).create(reader("w" + n));
                            } catch (RuntimeException e) {
                                // unavailable after 2 s
                            }
                        }
                    });
                }
                Thread.sleep(300);
                List<String> seen = new CopyOnWriteArrayList<>();
                                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
                while (System.nanoTime() < end) {
                    seen.add(outcome(a, t.secret()));
                    Thread.sleep(50);
                }
                stop.set(true);
                pool.shutdown();
                pool.awaitTermination(10, TimeUnit.SECONDS);
                st.execute("SELECT pg_advisory_unlock(" + WRITE_LOCK + ")");
                long unavailable = seen.stream().filter(x -> x.equals("UNAVAILABLE")).count();
                                assertTrue(unavailable == 0, "a cached verify answered 503 " + unavailable + " times of " + seen.size()
                        + " while the database was fine (writes queued on the write lock held the pool)");
            }
        }
    }

    /** A use-count flush before an audit read, waiting for the write lock, must not hold what a verify needs. */
    @Test
    void anAuditReadWaitingForTheWriteLockDoesNotStallCachedVerifies() throws Exception {
        String db = PgCluster.get().newDatabase();
        try (Instance a = new Instance(db)) {
            String admin = a.engine.as(null).setup(new Setup("admin", "acme", false)).token().secret();
            CreatedToken t = a.engine.as(admin).create(reader("t"));
            assertTrue(a.engine.as(null).verify(v(t.secret())).active());
            try (Connection other = PgCluster.get().superuser(PgCluster.databaseOf(db));
                    Statement st = other.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + WRITE_LOCK + ")");
                assertTrue(a.engine.as(null).verify(v(t.secret())).active()); // a use pending: flushQuietly writes
                Thread audit = new Thread(() -> a.engine.as(admin).audit(new ListAudit(null, null, null, 10, null)));
                audit.start();
                Thread.sleep(200);
                long s = System.nanoTime();
                String o = outcome(a, t.secret());
                long ms = (System.nanoTime() - s) / 1_000_000;
                audit.join();
                st.execute("SELECT pg_advisory_unlock(" + WRITE_LOCK + ")");
                                assertTrue(o.equals("active") && ms < 500, "a cached verify answered " + o + " in " + ms + " ms behind a flush waiting for the write lock");
            }
        }
    }

    /** A proxy that can silently stop forwarding the listener's connection (an idle-killing middlebox). */
    static final class StallProxy implements AutoCloseable {
        final ServerSocket listening;
        final int target;
        final List<boolean[]> pairs = new CopyOnWriteArrayList<>(); // [0] listener, [1] stalled

        StallProxy(int target) throws Exception {
            this.target = target;
            listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!listening.isClosed()) {
                    try {
                        Socket c = listening.accept();
                        Socket s = new Socket(InetAddress.getLoopbackAddress(), target);
                        boolean[] p = new boolean[2];
                        pairs.add(p);
                        pipe(c, s, p, true);
                        pipe(s, c, p, false);
                    } catch (Exception e) {
                        // go on
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return listening.getLocalPort();
        }

        private static void pipe(Socket from, Socket to, boolean[] p, boolean up) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[16384];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        if (up && new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains("LISTEN tokenctl_")) {
                            p[0] = true;
                        }
                        while (p[1]) {
                            Thread.sleep(10); // bytes go nowhere, nothing is closed
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (Exception e) {
                    // gone
                }
            });
            t.setDaemon(true);
            t.start();
        }

        void stallListener() {
            pairs.stream().filter(p -> p[0]).forEach(p -> p[1] = true);
        }

        @Override
        public void close() throws Exception {
            listening.close();
        }
    }

    private void schema(String db, String name) throws Exception {
        try (Connection c = PgCluster.get().superuser(PgCluster.databaseOf(db)); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
        }
    }

    /** How long Y keeps answering a token retired through B active, its listener silently cut. */
    private long staleFor(boolean otherDeploymentBusy) throws Exception {
        String db = PgCluster.get().newDatabase();
        schema(db, "y");
        schema(db, "x");
        String yUrl = db + "&currentSchema=y";
        String xUrl = db + "&currentSchema=x";
        int port = PgCluster.get().port();
        try (StallProxy proxy = new StallProxy(port);
                Instance y = new Instance(yUrl.replace(":" + port + "/", ":" + proxy.port() + "/"));
                Instance b = new Instance(yUrl);
                Instance x = new Instance(xUrl)) {
            String adminY = y.engine.as(null).setup(new Setup("admin", "acme", false)).token().secret();
            String adminX = x.engine.as(null).setup(new Setup("admin", "other", false)).token().secret();
            CreatedToken t = y.engine.as(adminY).create(reader("t"));
            if (otherDeploymentBusy) {
                TokenService apiX = x.engine.as(adminX);
                for (int i = 0; i < 20; i++) {
                    apiX.createUser(new CreateUser("u" + i, "other", Role.NORMAL)); // x's counter moves, y hears it
                }
            }
            Thread.sleep(500);
            assertTrue(y.engine.as(null).verify(v(t.secret())).active());
            proxy.stallListener();
            Thread.sleep(300);
            assertTrue(y.engine.as(null).verify(v(t.secret())).active());
            b.engine.as(adminY).retire(t.token().id());
            long since = System.nanoTime();
            while (System.nanoTime() - since < TimeUnit.SECONDS.toNanos(4)) {
                if (!outcome(y, t.secret()).equals("active")) {
                    return (System.nanoTime() - since) / 1_000_000;
                }
                Thread.sleep(20);
            }
            return (System.nanoTime() - since) / 1_000_000;
        }
    }

    @Test
    void aSilentlyCutListenerIsCoveredByThePoll() throws Exception {
        long ms = staleFor(false);
        assertTrue(ms < 1000, "a retired token stayed active on Y for " + ms + " ms");
    }

    /** Another tokenctl in another schema of the same database has its own channel: its changes can't mask a gap. */
    @Test
    void anotherSchemasNotificationsDoNotDisableThePollBackstop() throws Exception {
        long ms = staleFor(true);
        assertTrue(ms < 1000, "a retired token stayed active on Y for " + ms + " ms");
    }
}
