package io.tokenctl.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Loaded {@link Snapshot}s by secret digest. Once per {@link #MAX_AGE} the cache asks the store whether anyone
 * else committed since (a change counter); if so it starts over. So a revocation made elsewhere (another process,
 * another server) is honoured within that time, one made here at once, because every change through this service
 * clears the cache. Only known tokens are cached; bounded in size.
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
    }

    private volatile Generation current = new Generation();
    /** When the store was last asked, and when to ask again; null until the first ask. */
    private record Check(Instant at, Instant next, long version) {
    }

    private volatile Check check;

    /** A cached snapshot (with its plain answer), after making sure the cache is at most MAX_AGE behind the store. */
    Verifier.Loaded get(Presented.Key key, Instant now, LongSupplier changeCounter) {
        Check last = check;
        if (last == null || now.isBefore(last.at()) || !now.isBefore(last.next())) {
            long v = changeCounter.getAsLong();
            if (last == null || v != last.version()) {
                current = new Generation();
            }
            check = new Check(now, now.plus(MAX_AGE), v);
        }
        return current.entries.get(key);
    }

    /** The generation a load starting now belongs to: take it before loading, after {@link #get}. */
    Generation generation() {
        return current;
    }

    /** Keeps what a verify loaded, in the generation it took before loading (a stale one is read by no one). */
    void put(Generation loadedIn, Presented.Key key, Verifier.Loaded s) {
        if (s.snapshot().row() == null) {
            return;
        }
        if (loadedIn.entries.size() >= MAX_ENTRIES) {
            loadedIn.entries.clear();
        }
        loadedIn.entries.put(key, s);
    }

    /** Starts over and forgets the change count, so the next use asks the store (perhaps a new connection) afresh. */
    void clear() {
        check = null;
        current = new Generation();
    }
}
