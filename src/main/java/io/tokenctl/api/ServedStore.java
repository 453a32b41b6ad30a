package io.tokenctl.api;

/**
 * One store served to many callers, as a server holds it: a view of the API for each caller, made from the
 * credential it presents (null: anonymous, who may only verify), and the store's lifecycle. Closing it writes
 * what verifies counted and lets the store go.
 */
public interface ServedStore extends AutoCloseable {
    TokenService as(String operatorSecret);

    /**
     * What a server reports of the store it serves, for metrics: verify-cache hits and misses, tokens evicted
     * because they changed elsewhere, whole-cache drops, and its connections (in use, idle, at most, waited for).
     */
    record Stats(long cacheHits, long cacheMisses, long cacheEvictions, long cacheDrops, int connectionsActive,
            int connectionsIdle, int connectionsMax, int connectionsWaiting) {
    }

    default Stats stats() {
        return new Stats(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** Why the store can't serve now (its database away), in one line, or null when it can: for /health. */
    default String problem() {
        return null;
    }

    @Override
    void close();
}
