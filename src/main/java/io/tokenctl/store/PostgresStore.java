package io.tokenctl.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Changes;
import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.StoreAddress;
import io.tokenctl.core.port.StoreTx;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The tokenctl store in a PostgreSQL database that several {@code tokenctl serve} instances share: a bounded pool
 * of connections with timeouts, the numbered migrations run under an advisory lock (three instances starting at
 * once migrate once), and writes taking one advisory lock first, so they never interleave (as SQLite's one
 * writer): a rule that reads then writes sees no one else's write in between, on any instance. Reads take no
 * lock. What changed reaches every instance's cache through {@link PgChanges}.
 */
final class PostgresStore implements Storage {
    /** The advisory lock every write transaction takes first ("tokenctl" in ASCII). */
    static final long WRITE_LOCK = 0x746f6b656e63746cL;
    /** The advisory lock an instance holds while it brings the schema up to date. */
    private static final long MIGRATION_LOCK = WRITE_LOCK + 1;
    /** Connections at most: a server's worker threads, the usage flush and the change poll. */
    static final int POOL_SIZE = 10;

    private final String url;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Duration busyWait;
    private final Properties props;
    private PgChanges changes;
    /**
     * One write of this instance at a time waits for the database's write lock; the others wait here, holding no
     * connection, so writes queued behind another instance's long one can't take the whole pool from reads.
     */
    private final Semaphore writer = new Semaphore(1, true);

    private PostgresStore(String url, HikariDataSource pool, Duration busyWait, Properties props) {
        this.url = url;
        this.pool = pool;
        this.jdbi = SqliteStore.jdbi(pool);
        this.busyWait = busyWait;
        this.props = props;
    }

    /**
     * Opens the database at {@code where}, brings its schema up to date and starts following its changes. Fails in
     * one line when the database can't be reached, refuses the login, or holds something that is not tokenctl's.
     */
    static PostgresStore open(StoreAddress where, Duration busyWait) {
        String url = DatabaseUrl.check(where.url());
        String password = where.password().get();
        Properties props = DatabaseUrl.connectionProperties(password);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setDataSourceProperties(props);
        config.setPoolName("tokenctl");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(2);
        // a request waits for a connection as long as for the write lock: then 503, and the worker is free
        config.setConnectionTimeout(Math.max(250, busyWait.toMillis()));
        config.setValidationTimeout(Math.max(250, Math.min(1000, busyWait.toMillis())));
        config.setKeepaliveTime(Duration.ofSeconds(30).toMillis());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw error(url, e);
        }
        PostgresStore store = new PostgresStore(url, pool, busyWait, props);
        try {
            store.migrate();
            String storeId = store.jdbi.withHandle(h -> h.createQuery("SELECT store_id FROM tokenctl_changes")
                    .mapTo(String.class).one());
            store.changes = new PgChanges(url, props, storeId);
            store.changes.start();
        } catch (RuntimeException e) {
            store.close();
            throw e instanceof TokenctlException te ? te : error(url, e);
        }
        return store;
    }

    /**
     * Brings the schema up to date under an advisory lock held by one instance at a time; each migration is one
     * transaction (PostgreSQL's DDL is transactional), and its version is recorded in the same one.
     */
    private void migrate() {
        try (Handle h = jdbi.open()) {
            if (h.createQuery("SELECT pg_is_in_recovery()").mapTo(Boolean.class).one()) {
                throw TokenctlException.failure("database " + url + " is a read replica; tokenctl serve needs the"
                        + " primary (it writes, and LISTEN works only there)", null);
            }
            run(h, "SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
            try {
                int version = schemaVersion(h);
                if (version > Migrations.LATEST) {
                    throw TokenctlException.failure("database " + url + " has tokenctl schema " + version + " from a"
                            + " newer tokenctl; this one knows up to " + Migrations.LATEST, null);
                }
                for (int v = version + 1; v <= Migrations.LATEST; v++) {
                    int next = v;
                    h.useTransaction(tx -> {
                        for (String script : Migrations.scripts(Dialect.POSTGRESQL, next)) {
                            try (Statement st = tx.getConnection().createStatement()) {
                                st.execute(script);
                            }
                        }
                        tx.execute("UPDATE tokenctl_schema SET version = " + next);
                    });
                }
            } finally {
                run(h, "SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        } catch (JdbiException | SQLException e) {
            throw error(url, e);
        }
    }

    /** Runs a SELECT for its effect (an advisory lock), ignoring what it returns. */
    private static void run(Handle h, String select) {
        h.createQuery(select).mapToMap().list();
    }

    /** The schema version recorded in the database: 0 for none, made here; a foreign set of tables is refused. */
    private int schemaVersion(Handle h) {
        boolean recorded = h.createQuery("SELECT to_regclass('tokenctl_schema') IS NOT NULL").mapTo(Boolean.class).one();
        if (recorded) {
            return h.createQuery("SELECT version FROM tokenctl_schema").mapTo(Integer.class).one();
        }
        boolean taken = h.createQuery("SELECT to_regclass('tokens') IS NOT NULL OR to_regclass('orgs') IS NOT NULL"
                + " OR to_regclass('audit') IS NOT NULL").mapTo(Boolean.class).one();
        if (taken) {
            throw TokenctlException.failure("database " + url + " already has tables named like tokenctl's (tokens,"
                    + " orgs or audit) but no tokenctl schema; it was left untouched (use another database, or"
                    + " ?currentSchema=S for a schema of its own)", null);
        }
        h.useTransaction(tx -> {
            tx.execute("CREATE TABLE IF NOT EXISTS tokenctl_schema (version INTEGER NOT NULL)");
            if (tx.createQuery("SELECT count(*) FROM tokenctl_schema").mapTo(Integer.class).one() == 0) {
                tx.execute("INSERT INTO tokenctl_schema (version) VALUES (0)");
            }
        });
        return h.createQuery("SELECT version FROM tokenctl_schema").mapTo(Integer.class).one();
    }

    @Override
    public <T> T read(Function<StoreTx, T> work) {
        try {
            return jdbi.withHandle(h -> work.apply(new JdbiTx(h, Dialect.POSTGRESQL)));
        } catch (JdbiException e) {
            throw error(url, e);
        }
    }

    @Override
    public <T> T write(Function<StoreTx, T> work) {
        return write(work, busyWait);
    }

    /** One transaction that first waits (at most {@code wait}) for the write lock, so writes never interleave. */
    @Override
    public <T> T write(Function<StoreTx, T> work, Duration wait) {
        long start = System.nanoTime();
        try {
            if (!writer.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(e);
        }
        try {
            return writeHoldingTurn(work, wait.minusNanos(System.nanoTime() - start));
        } finally {
            writer.release();
        }
    }

    private TokenctlException busy(Exception e) {
        return new TokenctlException(ErrorCode.UNAVAILABLE, "database " + url + " stayed busy (another write held it"
                + " too long); nothing was changed: try again", e);
    }

    private <T> T writeHoldingTurn(Function<StoreTx, T> work, Duration wait) {
        long ms = Math.max(1, Math.min(Integer.MAX_VALUE, wait.toMillis()));
        try {
            // READ COMMITTED, PostgreSQL's default (setting it would cost two round trips a transaction); the
            // wait for the lock is bounded in the same statement that takes it
            return jdbi.inTransaction(h -> {
                run(h, "SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ") FROM (SELECT set_config('lock_timeout', '"
                        + ms + "', true)) AS bounded");
                return work.apply(new JdbiTx(h, Dialect.POSTGRESQL));
            });
        } catch (JdbiException e) {
            throw error(url, e);
        }
    }

    @Override
    public String readOnly() {
        return null;
    }

    @Override
    public Changes changes() {
        return changes;
    }

    /** Whether the database answers a trivial query within about a second. */
    @Override
    public String problem() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(1) ? null : "database " + url + " does not answer";
        } catch (SQLException e) {
            return error(url, e).getMessage();
        }
    }

    /** Connections in use and waited for, from the pool's own count. */
    @Override
    public ConnectionUse connections() {
        HikariPoolMXBean p = pool.getHikariPoolMXBean();
        return p == null ? new ConnectionUse(0, 0, POOL_SIZE, 0)
                : new ConnectionUse(p.getActiveConnections(), p.getIdleConnections(), POOL_SIZE,
                        p.getThreadsAwaitingConnection());
    }

    @Override
    public java.util.List<Copied> copyInto(Storage target) {
        return StoreCopy.copy(this, Dialect.POSTGRESQL, target, Stores.dialectOf(target));
    }

    @Override
    public void close() {
        if (changes != null) {
            changes.close();
        }
        pool.close();
    }

    /**
     * A database failure in the operator's words. The database being away (unreachable, restarting, out of
     * connections, the write lock held too long) is {@link ErrorCode#UNAVAILABLE}: try again. The rest (a refused
     * login, a missing database, a rule of the schema) is a failure naming what to fix.
     */
    static TokenctlException error(String url, Throwable e) {
        SQLException sql = Failures.find(e, SQLException.class);
        // a batch's own message quotes its statement with every value (hashes, keys): say the server's error
        while (sql instanceof java.sql.BatchUpdateException && sql.getNextException() != null) {
            sql = sql.getNextException();
        }
        String state = sql == null ? null : sql.getSQLState();
        String why = Failures.firstLine(sql != null ? sql : e);
        if (sql instanceof SQLTransientConnectionException) {
            return new TokenctlException(ErrorCode.UNAVAILABLE, "database " + url + " can't be reached: " + why, e);
        }
        if (state != null) {
            if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("53300")) {
                return new TokenctlException(ErrorCode.UNAVAILABLE, "database " + url + " can't be reached: " + why, e);
            }
            if (state.equals("55P03") || state.equals("57014") || state.equals("40001") || state.equals("40P01")) {
                return new TokenctlException(ErrorCode.UNAVAILABLE, "database " + url + " stayed busy (another"
                        + " write held it too long); nothing was changed: try again", e);
            }
            if (sql instanceof java.sql.BatchUpdateException) {
                return TokenctlException.failure("database " + url + " failed (SQLState " + state + ")", e);
            }
            if (state.equals("28P01") || state.equals("28000")) {
                return TokenctlException.failure("database " + url + " refused the login: " + why + "; give the"
                        + " password in TOKENCTL_DB_PASSWORD, --db-password-file or ~/.pgpass", e);
            }
        }
        return TokenctlException.failure("database " + url + " failed: " + why, e);
    }
}
