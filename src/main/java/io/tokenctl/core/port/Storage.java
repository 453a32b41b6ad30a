package io.tokenctl.core.port;

import java.time.Duration;
import java.util.function.Function;

/**
 * The store port: where core keeps orgs, users, tokens, apps, keys and the audit log. An SQLite file or a
 * PostgreSQL database implements it (see {@code io.tokenctl.store}); core never knows which. Every write is one
 * transaction, all of it or none of it, and writes never interleave (one writer at a time, as SQLite has it), so
 * a rule that reads then writes sees no one else's write in between.
 */
public interface Storage extends AutoCloseable {
    /** Runs {@code work} outside a write transaction: each statement sees what was committed when it ran. */
    <T> T read(Function<StoreTx, T> work);

    /** Runs {@code work} in one write transaction. {@code work} may run more than once: it must only use {@code tx}. */
    <T> T write(Function<StoreTx, T> work);

    /**
     * Like {@link #write(Function)}, but waits at most {@code busyWait} for another writer to finish (then fails as
     * unavailable, having written nothing): for background writes that others queue behind.
     */
    <T> T write(Function<StoreTx, T> work, Duration busyWait);

    /**
     * Runs {@code work} up to its first write, which fails, changing nothing, and forgets how it ended: a
     * short-lived process (a CLI run) loads and runs the code a write needs before it takes the write lock, so on a
     * file that one lock guards (SQLite) it holds it for the work alone, not for class loading and cold code while
     * other processes wait. A store where that does not pay does nothing.
     */
    default <T> void rehearse(Function<StoreTx, T> work) {
    }

    /** Why this store can only be read here (its folder read-only, its disk full), or null when it can be written. */
    String readOnly();

    /** How a cache of what this store holds learns that it may be stale. */
    Changes changes();

    /**
     * Why this store can't serve now (its database away), in one line, or null when it can: for a health check,
     * answered within about a second.
     */
    String problem();

    /** How busy its connections are, for metrics. */
    ConnectionUse connections();

    /**
     * Copies every row into {@code target}, which must hold none (else a conflict, and nothing is written): a store
     * moving house. Writes wait meanwhile, on both. Says how many rows of each kind it moved.
     */
    java.util.List<Copied> copyInto(Storage target);

    @Override
    void close();

    /** How many rows of one kind a copy moved. */
    record Copied(String what, long rows) {
    }

    /** Connections in use, idle, at most, and callers waiting for one. */
    record ConnectionUse(int active, int idle, int max, int waiting) {
    }
}
