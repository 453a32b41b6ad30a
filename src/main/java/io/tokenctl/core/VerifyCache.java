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
 */
final class VerifyCache {
    static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final int MAX_ENTRIES = 100_000;

    private final ConcurrentHashMap<Presented.Key, Verifier.Loaded> entries = new ConcurrentHashMap<>();
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
                entries.clear();
            }
            check = new Check(now, now.plus(MAX_AGE), v);
        }
        return entries.get(key);
    }

    void put(Presented.Key key, Verifier.Loaded s) {
        if (s.snapshot().row() == null) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, s);
    }

    /** Drops every entry and the change count, so the next use asks the store (perhaps a new connection) afresh. */
    void clear() {
        check = null;
        entries.clear();
    }
}
