package io.tokenctl.core;

import io.tokenctl.api.ServedStore;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.StoreAddress;
import io.tokenctl.core.port.StoreOpener;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every caller of one store shares: the store (opened on first use), the verify cache, the tally of token
 * use, the clock and the randomness. Each caller acts through its own view, {@link #as}, cheap to make: a CLI run
 * makes one, a server one per request. Safe to share between threads: the store is used by one at a time, and
 * verify's cache and usage tally are concurrent.
 */
public final class Engine implements ServedStore {
    /** How often a long-running engine writes what verifies counted. */
    public static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

    /** How long a statement waits for another writer, by default: a CLI may wait. */
    static final Duration BUSY_WAIT = Duration.ofSeconds(15);

    private final StoreAddress address;
    private final StoreOpener opener;
    final Clock clock;
    final Supplier<SecureRandom> random;
    final UsageLog usage = new UsageLog();
    private volatile Consumer<String> notes = line -> { };
    final Verifier verifier = new Verifier(this::store, usage, line -> notes.accept(line));
    /** Written under this engine's lock; read without it by health and metrics, which must not wait on a flush. */
    private volatile Storage store;
    private ScheduledExecutorService flusher;
    private volatile Duration busyWait = BUSY_WAIT;

    /** {@code random} is asked for only by operations that make ids or secrets; it should give the same one. */
    public Engine(StoreAddress address, StoreOpener opener, Clock clock, Supplier<SecureRandom> random) {
        this.address = address;
        this.opener = opener;
        this.clock = clock;
        this.random = random;
    }

    /** An engine over the store file {@code storeFile}, through the store adapter on the class path. */
    public Engine(Path storeFile, Clock clock, Supplier<SecureRandom> random) {
        this(StoreAddress.file(storeFile), StoreOpener.installed(), clock, random);
    }

    /** The API as the caller presenting {@code operatorSecret} (null: an anonymous caller, who may only verify). */
    @Override
    public TokenService as(String operatorSecret) {
        return new LocalTokenService(this, operatorSecret, false);
    }

    /** The same, for a caller that is this engine's only one: closing the view closes the engine (a CLI run). */
    public TokenService asSoleCaller(String operatorSecret) {
        return new LocalTokenService(this, operatorSecret, true);
    }

    /**
     * Where to say, in one line each, what could not be recorded though the answer stands (a verify's use on a
     * read-only store): a CLI's stderr, a server's log.
     */
    public Engine notes(Consumer<String> sink) {
        this.notes = sink;
        return this;
    }

    /**
     * How long a statement waits for another process's write lock before the call fails as busy (503 from a
     * server, exit 1): a CLI waits long, a server briefly, so a long transaction elsewhere can't hold its threads.
     */
    public Engine busyTimeout(Duration wait) {
        this.busyWait = wait;
        return this;
    }

    void note(String line) {
        notes.accept(line);
    }

    /**
     * Does, once per JVM, what any operation costs before its first statement: the security providers behind
     * SHA-256 and the system generator's seeding (see {@link Secrets#warmUp}), then the part of opening a store
     * that doesn't depend on the file (see {@link StoreOpener#warmUp}). A launcher overlaps it with parsing its
     * command line.
     */
    public static void warmUp() {
        Secrets.warmUp();
        StoreOpener.installed().warmUp();
    }

    StoreAddress address() {
        return address;
    }

    /**
     * The open store, opened on first use. Once open it is read without this engine's lock, which a flush may
     * hold for as long as the store makes it wait: a verify answered from the cache must not queue behind it.
     */
    Storage store() {
        Storage s = store;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            if (store == null) {
                open(false);
            }
            return store;
        }
    }

    /**
     * Opens the store (closing one already open); {@code create} makes a missing or empty file a store. A new
     * store counts changes afresh (an SQLite file's change counter is only comparable on one connection), so what
     * the verifier cached from another is dropped.
     */
    synchronized void open(boolean create) {
        if (store != null) {
            close();
        }
        store = opener.open(address, create, busyWait);
        verifier.watch(store.changes());
    }

    /** The store for setup: the one open (a server made it), else the file, made a store if it is new or empty. */
    synchronized Storage storeForSetup() {
        if (store == null) {
            open(true);
        }
        return store;
    }

    /**
     * Opens the store now, creating it (0600, in a 0700 folder) when the file does not exist yet: a server waits
     * on a new store, un-set-up, for its one setup. An existing file that is no store is refused, untouched.
     */
    public synchronized void openOrCreate() {
        if (store == null) {
            open(!address.isFile() || !java.nio.file.Files.exists(address.file()));
            if (store.readOnly() != null) {
                String why = store.readOnly();
                close();
                throw TokenctlException.failure("a server needs a store it can write (it records token use and its"
                        + " audit log): store " + address + " can only be read here: " + why, null);
            }
        }
    }

    @Override
    public Stats stats() {
        Storage s = store;
        long[] c = verifier.cacheCounts();
        Storage.ConnectionUse use = s == null ? new Storage.ConnectionUse(0, 0, 0, 0) : s.connections();
        return new Stats(c[0], c[1], c[2], c[3], use.active(), use.idle(), use.max(), use.waiting());
    }

    /** The last problem {@link #problem} saw, so its log says each change once. */
    private volatile String lastProblem;

    /**
     * Why the store can't serve now, or null. The log hears when a problem starts and when it ends, once each,
     * however often a load balancer asks.
     */
    @Override
    public String problem() {
        Storage s = store;
        String now = s == null ? "the store is not open" : s.problem();
        String before = lastProblem;
        lastProblem = now;
        if (now != null && !now.equals(before)) {
            notes.accept("the store can't serve: " + now);
        } else if (now == null && before != null) {
            notes.accept("the store serves again");
        }
        return now;
    }

    /**
     * Writes what verifies counted since the last flush, in one transaction. It waits only briefly for another
     * process's write to end: then it throws, and what it held waits for the next flush.
     */
    public void flushUsage() {
        Storage s = store; // the usage log serialises flushes itself; this engine's lock is not held meanwhile
        if (s != null) {
            usage.flush(s, true, clock.instant(), false);
        }
    }

    /** Writes, now, whatever verifies counted (an audit read wants the refusals counted here). */
    void flushQuietly() {
        Storage s = store;
        if (s != null && !usage.isEmpty()) {
            try {
                usage.flush(s, false, clock.instant(), false);
            } catch (TokenctlException e) {
                notes.accept("verifies counted here could not be recorded: " + e.getMessage());
            }
        }
    }

    /**
     * Flushes every {@link #FLUSH_EVERY} on a thread of its own until {@link #close}: for an engine that lives
     * long (a server). A failed flush keeps what it held for the next and says so to {@link #notes}.
     */
    public synchronized void flushPeriodically() {
        if (flusher != null) {
            return;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tokenctl-usage-flush");
            t.setDaemon(true);
            return t;
        });
        long ms = FLUSH_EVERY.toMillis();
        boolean[] failing = {false};
        flusher.scheduleWithFixedDelay(() -> {
            try {
                flushUsage();
                if (failing[0]) {
                    failing[0] = false;
                    notes.accept("token use is written again");
                }
            } catch (RuntimeException e) {
                // once when it starts failing, not every second while the store is away
                if (!failing[0]) {
                    failing[0] = true;
                    notes.accept("writing token use failed (it is kept and tried every second): " + e.getMessage());
                }
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops the periodic flush, writes what verifies counted (uses, refusals) and closes the store. If that write
     * fails, the answers given stand: the loss is said in one line to {@link #notes}, not thrown.
     */
    @Override
    public void close() {
        ScheduledExecutorService timer;
        synchronized (this) {
            timer = flusher;
            flusher = null;
        }
        if (timer != null) {
            timer.shutdown();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (store != null) {
                try {
                    usage.flush(store, false, clock.instant(), true);
                } catch (TokenctlException e) {
                    notes.accept("the use of the tokens verified here could not be recorded: " + e.getMessage());
                } finally {
                    store.close();
                    store = null;
                    verifier.invalidate();
                }
            }
        }
    }
}
