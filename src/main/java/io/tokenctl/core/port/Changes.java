package io.tokenctl.core.port;

import java.util.function.Consumer;

/**
 * How a cache learns that what it holds of a store may be stale. A store either answers when asked, at a cost (a
 * statement: an SQLite file's change counter), or is told by its database and answers for free (PostgreSQL's
 * notifications, checked by a poll).
 */
public interface Changes {
    /** What {@link #version} says when the store can't vouch for anything cached now: use nothing cached. */
    long UNKNOWN = Long.MIN_VALUE;

    /** A number that differs whenever anything a cache holds may have gone stale, or {@link #UNKNOWN}. */
    long version();

    /** Whether {@link #version} costs nothing, so a cache may ask on every use rather than once in a while. */
    boolean free();

    /**
     * Hands {@code evict} the id of each token changed elsewhere, as soon as the store is told (a change it can't
     * tie to one token moves {@link #version} instead). Stores that are not told call it never.
     */
    default void onTokenChanged(Consumer<String> evict) {
    }
}
