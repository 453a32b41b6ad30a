package io.tokenctl.core;

import java.time.Duration;
import java.time.Instant;
import io.tokenctl.core.port.Changes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Loaded {@link Snapshot}s by secret digest. Once per {@link #MAX_AGE} the cache asks the store whether anyone
 * else committed since (a change counter); if so it starts over. So a revocation made elsewhere (another process,
 * another server) is honoured within that time, one made here at once, because every change through this service
 * clears the cache. A store that is told of changes (PostgreSQL) answers for free: then the cache asks on every
 * use, and drops one token's entries as soon as the store hears it changed. Only known tokens are cached;
 * bounded in size.
 *
 * <p>Starting over means a new {@link Generation}: a verify takes the current one before it loads, and puts what
 * it loaded into that one only. So a load that a change overtook (another thread started over meanwhile) lands
 * in a generation no one reads any more, instead of outliving the change.
 */
final class VerifyCache {
    static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final int MAX_ENTRIES = 100_000;

    /** The entries of one stretch of time in which the store was not seen to change. */
    static final class Generation {
        private final ConcurrentHashMap<Presented.Key, Verifier.Loaded> entries = new ConcurrentHashMap<>();
        /** How many evictions of single tokens this generation saw: a load that one overtook is not kept. */
        private long evictions;
    }

    /** A load's claim on the cache: the generation, and its evictions, as they were when the load began. */
    record Ticket(Generation generation, long evictions) {
    }

    private volatile Generation current = new Generation();
    /** For metrics: lookups answered and not, tokens evicted on word, and generations dropped for a change. */
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder evictions = new LongAdder();
    final LongAdder drops = new LongAdder();
    /** When the store was last asked, and when to ask again; null until the first ask. */
    private record Check(Instant at, Instant next, long version) {
    }

    private volatile Check check;

    /** A cached snapshot (with its plain answer), after making sure the cache is not behind what {@code changes} says. */
    Verifier.Loaded get(Presented.Key key, Instant now, Changes changes) {
        Verifier.Loaded found = !changes.free() ? get(key, now, changes::version)
                : current(now, changes.version()) ? current.entries.get(key) : null;
        (found == null ? misses : hits).increment();
        return found;
    }

    /** A cached snapshot (with its plain answer), after making sure the cache is at most MAX_AGE behind the store. */
    Verifier.Loaded get(Presented.Key key, Instant now, LongSupplier changeCounter) {
        Check last = check;
        if (last == null || now.isBefore(last.at()) || !now.isBefore(last.next())) {
            if (!current(now, changeCounter.getAsLong())) {
                return null;
            }
        }
        return current.entries.get(key);
    }

    /**
     * Starts a new generation when the store's version moved; false when the store can't vouch for anything now
     * ({@link Changes#UNKNOWN}): then nothing cached is used, and what is loaded meanwhile is dropped when it can.
     */
    private boolean current(Instant now, long version) {
        Check last = check;
        if (version == Changes.UNKNOWN) {
            if (last != null) {
                clear();
            }
            return false;
        }
        if (last == null || version != last.version()) {
            current = new Generation();
            if (last != null) {
                drops.increment();
            }
        }
        if (last == null || version != last.version() || !now.isBefore(last.next()) || now.isBefore(last.at())) {
            check = new Check(now, now.plus(MAX_AGE), version);
        }
        return true;
    }

    /** What a load starting now may keep: take it before loading, after {@link #get}. */
    Ticket ticket() {
        Generation g = current;
        synchronized (g) {
            return new Ticket(g, g.evictions);
        }
    }

    /**
     * Keeps what a verify loaded, in the generation it took before loading (a stale one is read by no one), unless
     * a token was evicted from it meanwhile (the load may predate that change).
     */
    void put(Ticket ticket, Presented.Key key, Verifier.Loaded s) {
        if (s.snapshot().row() == null) {
            return;
        }
        Generation g = ticket.generation();
        synchronized (g) {
            if (g.evictions != ticket.evictions()) {
                return;
            }
            if (g.entries.size() >= MAX_ENTRIES) {
                g.entries.clear();
            }
            g.entries.put(key, s);
        }
    }

    /** Drops what is cached of one token, now: the store heard it changed. */
    void evict(String tokenId) {
        Generation g = current;
        evictions.increment();
        synchronized (g) {
            g.evictions++;
            g.entries.values().removeIf(l -> tokenId.equals(l.snapshot().row().id()));
        }
    }

    /** Starts over and forgets the change count, so the next use asks the store (perhaps a new connection) afresh. */
    void clear() {
        check = null;
        current = new Generation();
    }
}
