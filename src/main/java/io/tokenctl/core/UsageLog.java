package io.tokenctl.core;

import io.tokenctl.store.Store;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Last use of tokens, coalesced: passing verifies are counted here in memory and written in one transaction at
 * {@link #flush}, so a verify is never a write transaction of its own. A CLI process flushes before it exits;
 * a server flushes on a timer.
 */
final class UsageLog {
    record Use(long count, Instant at, String ip, String app) {
    }

    private final Map<String, Use> pending = new HashMap<>();

    synchronized void record(String tokenId, Instant at, String ip, String app) {
        pending.merge(tokenId, new Use(1, at, ip, app), (old, now) -> now.at().isBefore(old.at())
                ? new Use(old.count() + 1, old.at(), old.ip(), old.app())
                : new Use(old.count() + 1, now.at(), now.ip(), now.app()));
    }

    void flush(Store store) {
        Map<String, Use> batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            batch = new HashMap<>(pending);
            pending.clear();
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
