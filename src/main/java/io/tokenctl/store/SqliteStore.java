package io.tokenctl.store;

import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Changes;
import io.tokenctl.core.port.Storage.ConnectionUse;
import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.StoreTx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.TemplateEngine;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * The tokenctl store over one SQLite file: WAL, a busy timeout, foreign keys, numbered migrations at open,
 * and write transactions begun IMMEDIATE so concurrent writers wait instead of failing. One connection, used by
 * one thread at a time: a server's threads take turns (SQLite runs one writer at a time anyway).
 */
final class SqliteStore implements Storage {
    /** How long a statement waits for another process's write lock, by default: a CLI may wait. */
    static final int BUSY_TIMEOUT_MS = 15_000;

    private final Path file;
    private final Handle handle;
    /** Why this store can only be read here (its folder read-only, its disk full), or null when it can be written. */
    private final String readOnly;
    private final int busyMillis;

    private SqliteStore(Path file, Handle handle, String readOnly, int busyMillis) {
        this.file = file;
        this.handle = handle;
        this.readOnly = readOnly;
        this.busyMillis = busyMillis;
    }

    /**
     * Opens the store at {@code file}. With {@code create}, a missing or empty file (and its folder) is made a
     * store, with owner-only permissions; without it, a missing, empty or foreign file is an error and is left
     * byte for byte as it was. Where the store can be read but not written (a read-only folder or file system, a
     * full disk), it opens for reading: reads work, and a write fails saying what the operator can do.
     */
    static SqliteStore open(Path file, boolean create) {
        return open(file, create, BUSY_TIMEOUT_MS);
    }

    /**
     * The same, with statements waiting at most {@code busyMillis} for another process's write lock (a server
     * answers "busy" soon rather than hold its threads for long).
     */
    static SqliteStore open(Path file, boolean create, int busyMillis) {
        Path abs = file.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw TokenctlException.failure("store " + abs + " is a directory, not a tokenctl store file", null);
        }
        if (!Files.exists(abs)) {
            if (!create) {
                throw TokenctlException.failure("no store at " + abs + "; run `tokenctl setup --username U --org O`"
                        + " first, or point --store / TOKENCTL_STORE at an existing store", null);
            }
            createPrivateFile(abs);
        }
        try {
            return open(abs, create, null, busyMillis);
        } catch (TokenctlException e) {
            String why = create ? null : unwritable(abs, e);
            if (why == null) {
                throw e;
            }
            // read-only and immutable sees the main file alone: only right while no committed change waits in -wal
            Path wal = Path.of(abs + "-wal");
            try {
                if (Files.exists(wal) && Files.size(wal) > 0) {
                    throw TokenctlException.failure("store " + abs + " can't be read here: its latest changes are in "
                            + wal.getFileName() + ", which SQLite reads only where it can write beside the store, and "
                            + why, e);
                }
            } catch (IOException io) {
                throw e;
            }
            return open(abs, false, why, busyMillis);
        }
    }

    /** Why this store can only be read here, or null when it can be written. */
    @Override
    public String readOnly() {
        return readOnly;
    }

    /** Opens the file, read-only (and trusting no one writes it meanwhile) when {@code readOnly} says why. */
    private static SqliteStore open(Path abs, boolean create, String readOnly, int busyMillis) {
        Handle handle;
        try {
            handle = jdbi(dataSource(abs, readOnly != null, busyMillis)).open();
        } catch (JdbiException e) {
            throw storeError(abs, e);
        }
        SqliteStore store = new SqliteStore(abs, handle, readOnly, busyMillis);
        try {
            store.migrate(create);
        } catch (RuntimeException e) {
            handle.close();
            throw e instanceof TokenctlException te ? te : storeError(abs, e);
        }
        return store;
    }

    /**
     * Why a store that failed to open for writing may still be read, in the operator's words, or null when the
     * failure is something else. SQLite keeps two files beside a store in use (-wal, -shm): it can't make them in
     * a read-only folder, nor size them on a full disk.
     */
    private static String unwritable(Path file, TokenctlException e) {
        SQLiteErrorCode code = sqliteCode(e);
        if (code == null) {
            return null;
        }
        boolean ioOrOpen = code.name().startsWith("SQLITE_CANTOPEN") || code.name().startsWith("SQLITE_READONLY")
                || code.name().startsWith("SQLITE_IOERR") || code == SQLiteErrorCode.SQLITE_FULL
                || code == SQLiteErrorCode.SQLITE_PERM;
        if (!ioOrOpen || !Files.isReadable(file)) {
            return null;
        }
        return whyUnwritable(file, code);
    }

    private static String whyUnwritable(Path file, SQLiteErrorCode code) {
        Path dir = file.getParent();
        if (code == SQLiteErrorCode.SQLITE_FULL || code == SQLiteErrorCode.SQLITE_IOERR_SHMSIZE || diskFull(file)) {
            return "the disk holding it is full; free some space, then try again";
        }
        if (dir != null && !Files.isWritable(dir)) {
            return "its folder " + dir + " is read-only (SQLite keeps two files beside a store in use); make the folder"
                    + " writable, or copy the store somewhere writable";
        }
        if (!Files.isWritable(file)) {
            return "the file is read-only; make it writable (chmod u+w) to change anything";
        }
        return "the file or its folder can't be written; check their owner, permissions and file system";
    }

    private static boolean diskFull(Path file) {
        try {
            return Files.getFileStore(file).getUsableSpace() < 64 * 1024;
        } catch (IOException e) {
            return false;
        }
    }

    private static SQLiteErrorCode sqliteCode(Throwable e) {
        return sqliteException(e) instanceof SQLiteException se ? se.getResultCode() : null;
    }

    private static SQLException sqliteException(Throwable e) {
        return Failures.find(e, SQLException.class);
    }

    /**
     * Loads and initialises, once per JVM, what opening a store costs regardless of the file: SQLite's native
     * library, sqlite-jdbc's configuration (its date formats), JDBI's default configuration and its JFR event
     * registration, and the first statement's machinery, by running {@code SELECT 1} on an in-memory database.
     * A launcher runs it on a second thread while the main one parses the command line; failures are ignored
     * here, since opening the real store reports them. The native library is loaded only when it was extracted
     * ahead of time ({@code org.sqlite.lib.path}, as install.sh's launcher sets).
     */
    static void warmUp() {
        try {
            Jdbi jdbi = jdbi(dataSource(null, false, BUSY_TIMEOUT_MS));
            // without install.sh's extracted library, sqlite-jdbc would first copy it to the temp folder, and a
            // run that exits meanwhile (a usage error) would leave a partial copy there: then no connection
            if (System.getProperty("org.sqlite.lib.path") != null) {
                try (Handle h = jdbi.open()) {
                    h.createQuery("SELECT 1").mapTo(Integer.class).one();
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // opening the real store reports whatever went wrong
        }
    }

    /**
     * The data source for {@code file}, or for a private in-memory database when it is null. SQLite itself never
     * creates the file (tokenctl does, 0600). {@code readOnly} opens it immutable: no -wal or -shm file, no lock.
     */
    private static SQLiteDataSource dataSource(Path file, boolean readOnly, int busyMillis) {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setBusyTimeout(busyMillis);
        config.enforceForeignKeys(true);
        SQLiteDataSource ds;
        if (readOnly) {
            config.setReadOnly(true);
            config.setOpenMode(SQLiteOpenMode.OPEN_URI);
            ds = new SQLiteDataSource(config);
            ds.setUrl("jdbc:sqlite:" + file.toUri() + "?immutable=1");
        } else {
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            ds = new SQLiteDataSource(config);
            ds.setUrl(file == null ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + file);
        }
        return ds;
    }

    static Jdbi jdbi(javax.sql.DataSource ds) {
        Jdbi jdbi = Jdbi.create(ds);
        // no templates and only positional ?: neither needs JDBI's ANTLR lexers, which cost a cold start
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(TemplateEngine.NOP).setSqlParser(new PositionalSqlParser());
        return jdbi;
    }

    private static void createPrivateFile(Path file) {
        try {
            Path dir = file.getParent();
            if (dir != null && !Files.exists(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw TokenctlException.failure("cannot create store " + file + ": " + e.getMessage(), e);
        }
    }

    /** Brings the schema up to date; only {@code create} makes an empty file a store. */
    private void migrate(boolean create) {
        int version = handle.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
        if (version > Migrations.LATEST) {
            throw TokenctlException.failure("store " + file + " has schema " + version + " from a newer tokenctl;"
                    + " this one knows up to " + Migrations.LATEST, null);
        }
        if (version == 0) {
            int tables = handle.createQuery("SELECT count(*) FROM sqlite_master").mapTo(Integer.class).one();
            if (tables > 0) {
                throw TokenctlException.failure("store " + file + " is an SQLite file but not a tokenctl store;"
                        + " it was left untouched", null);
            }
            if (!create) {
                throw TokenctlException.failure("store " + file + " is empty, not a tokenctl store; it was left"
                        + " untouched (`tokenctl setup --force` makes it one)", null);
            }
        }
        if (readOnly != null) {
            if (version < Migrations.LATEST) {
                throw TokenctlException.failure("store " + file + " was made by an older tokenctl and must be upgraded"
                        + " once, which can't be done here: " + readOnly, null);
            }
            return;
        }
        // only now, knowing the file is ours: WAL mode is persistent and rewrites the header
        handle.execute("PRAGMA journal_mode = WAL");
        if (version == Migrations.LATEST) {
            return;
        }
        handle.useTransaction(h -> {
            int current = h.createQuery("PRAGMA user_version").mapTo(Integer.class).one();
            for (int v = current + 1; v <= Migrations.LATEST; v++) {
                for (String script : Migrations.scripts(Dialect.SQLITE, v)) {
                    h.createScript(script).execute();
                }
                h.execute("PRAGMA user_version = " + v);
            }
        });
    }

    /** Runs {@code work} in one write transaction (BEGIN IMMEDIATE): all of it or none of it. */
    @Override
    public <T> T write(Function<StoreTx, T> work) {
        return exclusive(() -> writeNow(work));
    }

    private <T> T writeNow(Function<StoreTx, T> work) {
        if (readOnly != null) {
            throw TokenctlException.failure("store " + file + " can only be read here, so nothing was changed: "
                    + readOnly, null);
        }
        try {
            return handle.inTransaction(h -> work.apply(new JdbiTx(h, Dialect.SQLITE)));
        } catch (JdbiException e) {
            endFailedTransaction();
            throw storeError(file, e);
        } catch (RuntimeException | Error e) {
            endFailedTransaction();
            throw e;
        }
    }

    /**
     * Runs {@code work} with the connection refusing every change (PRAGMA query_only): its reads run, its first
     * write fails, and whatever it ended with is dropped; the real write follows with the code warm.
     */
    @Override
    public <T> void rehearse(Function<StoreTx, T> work) {
        exclusive(() -> {
            if (readOnly != null) {
                return null;
            }
            try {
                handle.execute("PRAGMA query_only = 1");
                work.apply(new JdbiTx(handle, Dialect.SQLITE));
            } catch (RuntimeException rehearsed) {
                // the first write's refusal, or any other end: the write itself will meet it again, and say it
            } finally {
                try {
                    handle.execute("PRAGMA query_only = 0");
                } catch (JdbiException e) {
                    // the connection is unusable: the write reports it
                }
            }
            return null;
        });
    }

    /**
     * After a write that failed, makes sure no transaction is left open. A BEGIN IMMEDIATE that found the store
     * busy leaves the connection with auto-commit off and JDBI believing a transaction is open: later writes would
     * then run statement by statement, each saved on its own, and no longer all or nothing.
     */
    private void endFailedTransaction() {
        try {
            java.sql.Connection c = handle.getConnection();
            if (!c.getAutoCommit()) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // no transaction had begun
                }
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is unusable: the next statement reports it
        }
    }

    /**
     * Like {@link #write(Function)}, but waits at most {@code busyMillis} for another connection's write to end
     * (then fails as busy, having written nothing): for background writes that others queue behind.
     */
    @Override
    public <T> T write(Function<StoreTx, T> work, Duration busyWait) {
        return exclusive(() -> {
            if (readOnly != null) {
                return writeNow(work);
            }
            busyTimeout((int) Math.min(Integer.MAX_VALUE, busyWait.toMillis()));
            try {
                return writeNow(work);
            } finally {
                busyTimeout(this.busyMillis);
            }
        });
    }

    /** Runs {@code body} holding the one connection, counting who holds or waits for it. */
    private <T> T exclusive(java.util.function.Supplier<T> body) {
        waiting.incrementAndGet();
        try {
            synchronized (this) {
                return body.get();
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

    private void busyTimeout(int millis) {
        try {
            handle.execute("PRAGMA busy_timeout = " + millis);
        } catch (JdbiException e) {
            throw storeError(file, e);
        }
    }

    /** Runs {@code work} outside a write transaction: each statement sees a consistent snapshot. */
    @Override
    public <T> T read(Function<StoreTx, T> work) {
        return exclusive(() -> {
            try {
                return work.apply(new JdbiTx(handle, Dialect.SQLITE));
            } catch (JdbiException e) {
                throw storeError(file, e);
            }
        });
    }

    /**
     * SQLite's data_version: it changes whenever another connection commits to the file. Cheap enough to ask once
     * a second, so a cache can tell whether anything it holds may be stale.
     */
    @Override
    public Changes changes() {
        return changes;
    }

    private final Changes changes = new Changes() {
        @Override
        public long version() {
            synchronized (SqliteStore.this) {
                try {
                    return handle.createQuery("PRAGMA data_version").mapTo(Long.class).one();
                } catch (JdbiException e) {
                    throw storeError(file, e);
                }
            }
        }

        @Override
        public boolean free() {
            return false;
        }
    };

    /** A file that opened answers; what goes wrong later is each call's own error. */
    @Override
    public String problem() {
        return null;
    }

    /** One connection, used by one caller at a time. */
    @Override
    public ConnectionUse connections() {
        int wanting = waiting.get();
        return new ConnectionUse(wanting > 0 ? 1 : 0, wanting > 0 ? 0 : 1, 1, Math.max(0, wanting - 1));
    }

    @Override
    public java.util.List<Copied> copyInto(Storage target) {
        return StoreCopy.copy(this, Dialect.SQLITE, target, Stores.dialectOf(target));
    }

    @Override
    public synchronized void close() {
        handle.close();
    }

    /** A store failure in the operator's words: what is wrong with the store, and what to do about it. */
    static TokenctlException storeError(Path file, Exception e) {
        Throwable t = sqliteException(e);
        SQLiteErrorCode code = t instanceof SQLiteException se ? se.getResultCode() : null;
        if (code != null) {
            String name = code.name();
            if (name.startsWith("SQLITE_NOTADB") || name.startsWith("SQLITE_CORRUPT")) {
                return TokenctlException.failure("store " + file + " is not a tokenctl store (not a database or corrupt);"
                        + " it was left untouched", e);
            }
            if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
                return new TokenctlException(io.tokenctl.api.ErrorCode.UNAVAILABLE, "store " + file + " stayed busy:"
                        + " another process holds its write lock; try again", e);
            }
            if (name.startsWith("SQLITE_CANTOPEN") || name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_IOERR")
                    || code == SQLiteErrorCode.SQLITE_PERM || code == SQLiteErrorCode.SQLITE_FULL) {
                String why = Files.isReadable(file) ? whyUnwritable(file, code)
                        : "the file can't be read (check its owner and permissions)";
                return TokenctlException.failure("store " + file + " can't be used, and nothing was changed: " + why, e);
            }
        }
        return TokenctlException.failure("store " + file + " failed: " + Failures.firstLine(t == null ? e : t), e);
    }
}
