package io.tokenctl.core;

import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.Rows.UseRow;
import io.tokenctl.core.port.StoreTx;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Last use of tokens, coalesced: passing verifies are counted here in memory and written in one transaction at
 * {@link #flush}, so a verify is never a write transaction of its own. So are refused verifies of known tokens,
 * as audit rows: at most one per token per kind of refusal per {@link #REFUSALS_EVERY}, with how many times it
 * was presented. A CLI process flushes before it exits; a server flushes on a timer.
 */
final class UsageLog {
    /** How long a background flush waits for the store's write lock. */
    static final java.time.Duration BACKGROUND_BUSY_WAIT = java.time.Duration.ofMillis(100);
    /** The most often one token's refusals of one kind are written to the audit log. */
    static final Duration REFUSALS_EVERY = Duration.ofMinutes(1);

    /**
     * Refusals of one token, for one action (a verify, an operator's authentication), of one kind (retired, IP not
     * allowed, app denied...) about one subject (the address, the app, the permission), since their last audit row.
     */
    private static final class Refusals {
        final String key;
        final String tokenId;
        final String orgId;
        final String action;
        String actor;
        String reason;
        long count;
        Instant first;
        Instant last;
        Instant written;

        Refusals(String key, String tokenId, String orgId, String action) {
            this.key = key;
            this.tokenId = tokenId;
            this.orgId = orgId;
            this.action = action;
        }
    }

    /** An audit row a flush writes for coalesced refusals. */
    private record Refused(Refusals from, long count, Instant first, Instant last, String actor, String reason) {
    }

    /** The most subjects (addresses, apps...) one token's refusals of one kind are told apart by; beyond, "others". */
    static final int MAX_SUBJECTS = 16;
    private static final String OTHERS = "*others*";
    private final Map<String, Integer> subjects = new HashMap<>();
    private final Map<String, Refusals> refusals = new HashMap<>();

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
     * A refusal of a known token, to be audited at a flush, coalesced with those of the same action, kind and
     * subject. Past {@link #MAX_SUBJECTS} subjects of one kind, the rest are counted together.
     */
    synchronized void refused(String tokenId, String action, String kind, String subject, String orgId, String actor,
            String reason, Instant at) {
        String kindKey = tokenId + " " + action + " " + kind;
        String key = kindKey + " " + subject;
        if (!refusals.containsKey(key)) {
            int seen = subjects.merge(kindKey, 1, Integer::sum);
            if (seen > MAX_SUBJECTS) {
                subjects.merge(kindKey, -1, Integer::sum);
                key = kindKey + " " + OTHERS;
                reason = "refused (" + kind + ") for more than " + MAX_SUBJECTS + " different values; the first " + MAX_SUBJECTS
                        + " have rows of their own";
            }
        }
        Refusals r = refusals.computeIfAbsent(key, k -> new Refusals(k, tokenId, orgId, action));
        if (r.count == 0) {
            r.first = at;
            r.actor = actor;
            r.reason = reason;
        }
        r.count++;
        if (r.last == null || at.isAfter(r.last)) {
            r.last = at;
        }
    }

    /** Takes the refusals due for an audit row at {@code now}: all of them when {@code closing}. */
    private synchronized List<Refused> dueRefusals(Instant now, boolean closing) {
        List<Refused> out = new ArrayList<>();
        for (Iterator<Refusals> it = refusals.values().iterator(); it.hasNext(); ) {
            Refusals r = it.next();
            boolean due = r.count > 0 && (closing || r.written == null || !now.isBefore(r.written.plus(REFUSALS_EVERY)));
            if (due) {
                out.add(new Refused(r, r.count, r.first, r.last, r.actor, r.reason));
                r.count = 0;
                r.written = now;
            } else if (r.count == 0 && !now.isBefore(r.written.plus(REFUSALS_EVERY))) {
                it.remove(); // quiet for a while: the next refusal is written at the next flush
                String kindKey = r.key.substring(0, r.key.lastIndexOf(' '));
                if (!r.key.endsWith(OTHERS) && subjects.merge(kindKey, -1, Integer::sum) <= 0) {
                    subjects.remove(kindKey);
                }
            }
        }
        return out;
    }

    /**
     * What one flush writes, under an id of its own: until a write of it is known to have committed it is written
     * again as it is, with the same id, and the store writes a batch whose id it has seen once only. So a write
     * whose commit went through but whose answer was lost (the database's connection dropped) counts nothing twice,
     * and a write that failed loses nothing. Uses counted meanwhile wait in the tally for the next batch.
     */
    private record Batch(String id, Map<String, Use> uses, List<Refused> refused) {
    }

    /** The batch written and not yet known to be committed, or null. */
    private Batch unsure;
    /** How long the store remembers the ids of batches it wrote: far longer than any retry. */
    static final Duration BATCH_IDS_KEPT = Duration.ofDays(1);

    /**
     * Writes the uses counted so far, and the refusals due at {@code now} (all of them when {@code closing}), in
     * one transaction. In the {@code background} (a server's timer) it waits at most {@link #BACKGROUND_BUSY_WAIT}
     * for another writer to finish, since verifies queue behind it. If the write fails, what it held is written
     * again at the next flush (see {@link Batch}), and the failure is thrown. Closing writes everything left.
     */
    void flush(Storage store, boolean background, Instant now, boolean closing) {
        synchronized (flushing) {
            if (unsure == null) {
                Batch next = nextBatch(now, closing);
                if (next == null) {
                    return;
                }
                unsure = next;
            }
            write(store, unsure, background, now);
            unsure = null;
            if (closing) {
                Batch rest = nextBatch(now, true);
                if (rest != null) {
                    unsure = rest;
                    write(store, rest, background, now);
                    unsure = null;
                }
            }
        }
    }

    private final Object flushing = new Object();

    private Batch nextBatch(Instant now, boolean closing) {
        Map<String, Use> uses = take();
        List<Refused> refused = dueRefusals(now, closing);
        return uses.isEmpty() && refused.isEmpty() ? null : new Batch(UUID.randomUUID().toString(), uses, refused);
    }

    private static void write(Storage store, Batch batch, boolean background, Instant now) {
        Function<StoreTx, Void> write = tx -> {
            if (!tx.claimUsageBatch(batch.id(), now)) {
                return null; // an earlier write of this batch committed, though its answer was lost
            }
            tx.forgetUsageBatches(now.minus(BATCH_IDS_KEPT));
            List<UseRow> uses = new ArrayList<>(batch.uses().size());
            batch.uses().forEach((id, use) -> uses.add(new UseRow(id, use.count(), use.at(), use.ip(), use.app())));
            tx.recordUses(uses);
            for (Refused r : batch.refused()) {
                // stamped when written, so a reader following the log by time sees it; the reason says when
                String reason = r.reason() + (r.count() == 1 ? " (at " + r.first() + ")"
                        : String.format(" (presented %,d times from %s to %s)", r.count(), r.first(), r.last()));
                Audit.unattributed(tx, now, r.actor(), r.from().orgId, r.from().action, r.from().tokenId,
                        Audit.DENIED, reason);
            }
            return null;
        };
        if (background) {
            store.write(write, BACKGROUND_BUSY_WAIT);
        } else {
            store.write(write);
        }
    }

    /** Whether anything waits to be written. */
    boolean isEmpty() {
        // never holding both locks here: flush takes "flushing" and then this object's
        synchronized (flushing) {
            if (unsure != null) {
                return false;
            }
        }
        synchronized (this) {
            return pending.isEmpty() && refusals.values().stream().allMatch(r -> r.count == 0);
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
