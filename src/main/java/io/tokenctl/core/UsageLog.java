package io.tokenctl.core;

import io.tokenctl.store.Store;
import io.tokenctl.store.StoreTx;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Last use of tokens, coalesced: passing verifies are counted here in memory and written in one transaction at
 * {@link #flush}, so a verify is never a write transaction of its own. A CLI process flushes before it exits;
 * a server flushes on a timer.
 */
final class UsageLog {
    /** How long a background flush waits for the store's write lock. */
    static final int BACKGROUND_BUSY_MS = 100;

    record Use(long count, Instant at, String ip, String app) {
        Use plus(Use other) {
            Use later = other.at().isAfter(at) ? other : this;
            return new Use(count + other.count(), later.at(), later.ip(), later.app());
        }
    }

    /**
     * Uses of one token since the last flush, without a lock: a verify is one atomic add, and a new last-use
     * record only when the millisecond, address or app changed. {@link #take} swaps in a negative count, so an add
     * that lands after it sees the tally is gone and starts a new one; no use is lost or counted twice. The last
     * use a flush writes may miss one that raced it by microseconds; the next flush writes a later one.
     */
    private static final class Tally {
        private static final long TAKEN = Long.MIN_VALUE / 2;
        private static final VarHandle COUNT;

        static {
            try {
                COUNT = MethodHandles.lookup().findVarHandle(Tally.class, "count", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private record Last(Instant at, String ip, String app) {
        }

        @SuppressWarnings("unused") // through COUNT
        private volatile long count;
        private volatile Last last;

        /** False when a flush already took this tally: the caller starts a new one. */
        boolean add(long uses, Instant when, String fromIp, String byApp) {
            // the last use is written before the count, so a take that sees the count sees a last use too
            Last l = last;
            if (l == null || when.isAfter(l.at())
                    || when.equals(l.at()) && !(Objects.equals(fromIp, l.ip()) && Objects.equals(byApp, l.app()))) {
                last = new Last(when, fromIp, byApp);
            }
            return (long) COUNT.getAndAdd(this, uses) >= 0;
        }

        /** The uses so far, or null if none; later adds fail. */
        Use take() {
            long n = (long) COUNT.getAndSet(this, TAKEN);
            Last l = last;
            return n <= 0 ? null : new Use(n, l.at(), l.ip(), l.app());
        }
    }

    private final ConcurrentHashMap<String, Tally> pending = new ConcurrentHashMap<>();

    void record(String tokenId, Instant at, String ip, String app) {
        record(tokenId, 1, at, ip, app);
    }

    private void record(String tokenId, long uses, Instant at, String ip, String app) {
        while (!pending.computeIfAbsent(tokenId, id -> new Tally()).add(uses, at, ip, app)) {
            Thread.onSpinWait();
        }
    }

    /**
     * Writes the uses counted so far in one transaction. In the {@code background} (a server's timer) it waits at
     * most {@link #BACKGROUND_BUSY_MS} for another process's write to end, since verifies queue behind it. If the
     * write fails, the uses are counted again, for the next flush, and the failure is thrown.
     */
    void flush(Store store, boolean background) {
        Map<String, Use> batch = take();
        if (batch.isEmpty()) {
            return;
        }
        try {
            Function<StoreTx, Void> write = tx -> {
                batch.forEach((id, use) -> {
                    tx.recordUse(id, use.count(), use.at(), use.ip(), use.app());
                    if (use.app() != null) {
                        tx.touchApp(id, use.app(), use.at());
                    }
                });
                return null;
            };
            if (background) {
                store.write(write, BACKGROUND_BUSY_MS);
            } else {
                store.write(write);
            }
        } catch (RuntimeException e) {
            batch.forEach((id, use) -> record(id, use.count(), use.at(), use.ip(), use.app()));
            throw e;
        }
    }

    private Map<String, Use> take() {
        Map<String, Use> batch = new HashMap<>();
        for (String id : pending.keySet()) {
            Tally t = pending.remove(id);
            Use use = t == null ? null : t.take();
            if (use != null) {
                // the key set may offer an id twice when it was re-added during the walk: add both tallies
                batch.merge(id, use, Use::plus);
            }
        }
        return batch;
    }
}
