package io.tokenctl.core;

import io.tokenctl.store.Store;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Last use of tokens, coalesced: passing verifies are counted here in memory and written in one transaction at
 * {@link #flush}, so a verify is never a write transaction of its own. A CLI process flushes before it exits;
 * a server flushes on a timer.
 */
final class UsageLog {
    record Use(long count, Instant at, String ip, String app) {
    }

    /** Uses of one token since the last flush; updated under its own lock, so tokens don't contend. */
    private static final class Tally {
        private long count;
        private Instant at;
        private String ip;
        private String app;
        private boolean taken;

        /** False when a flush already took this tally: the caller starts a new one. */
        synchronized boolean add(Instant when, String fromIp, String byApp) {
            if (taken) {
                return false;
            }
            count++;
            if (at == null || !when.isBefore(at)) {
                at = when;
                ip = fromIp;
                app = byApp;
            }
            return true;
        }

        synchronized Use take() {
            taken = true;
            return new Use(count, at, ip, app);
        }
    }

    private final ConcurrentHashMap<String, Tally> pending = new ConcurrentHashMap<>();

    void record(String tokenId, Instant at, String ip, String app) {
        while (!pending.computeIfAbsent(tokenId, id -> new Tally()).add(at, ip, app)) {
            Thread.onSpinWait();
        }
    }

    void flush(Store store) {
        Map<String, Use> batch = new HashMap<>();
        for (String id : pending.keySet()) {
            Tally t = pending.remove(id);
            if (t != null) {
                batch.put(id, t.take());
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        store.write(tx -> {
            batch.forEach((id, use) -> {
                tx.recordUse(id, use.count(), use.at(), use.ip(), use.app());
                if (use.app() != null) {
                    tx.touchApp(id, use.app(), use.at());
                }
            });
            return null;
        });
    }
}
