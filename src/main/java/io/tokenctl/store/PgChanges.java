package io.tokenctl.store;

import io.tokenctl.core.port.Changes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * How a serve instance's cache hears of a change made through any instance. The schema's triggers move a
 * one-row counter (once per transaction) and NOTIFY each changed token's id with that counter, on this store's
 * own channel, in the changing transaction (so only on commit). Two connections of their own, outside the pool
 * (a pool busy with requests must not silence either):
 * <ul>
 * <li>a listener evicts each token as it hears of it, and asks the database something every
 * {@link #PING_EVERY}, so a connection that died without a word is noticed;</li>
 * <li>a poll reads the counter every {@link #POLL_EVERY}: every counter value the poll before this one saw move
 * must have been heard by now (a notification had a whole poll's time to arrive), or the whole cache goes (a
 * notification sent while the listener's connection is down is lost for good), and after two such polls in a
 * row the listener reconnects. So a lost notification costs at most two polls' time.</li>
 * </ul>
 * After any listener error it reconnects, listens first, then drops the whole cache. While no poll has succeeded
 * for {@link #TRUST_FOR} (the database away), the cache is not used at all.
 */
final class PgChanges implements Changes, AutoCloseable {
    static final Duration POLL_EVERY = Duration.ofMillis(250);
    static final Duration TRUST_FOR = Duration.ofSeconds(1);
    static final Duration PING_EVERY = Duration.ofSeconds(5);
    /** How long a ping or a poll may take before its connection is taken for dead. */
    private static final int ANSWER_WITHIN_MS = 2000;
    private static final Duration RECONNECT_AT_MOST = Duration.ofSeconds(2);
    /** More notifications than this at once: dropping everything is cheaper than evicting each. */
    private static final int EVICT_AT_MOST = 256;
    /** Counter values heard ahead of the polls kept at most; beyond, the set is cleared and everything dropped. */
    private static final int HEARD_AT_MOST = 100_000;
    private static final Executor DIRECT = Runnable::run;

    private final String url;
    private final Properties props;
    private final String channel;
    /** Moves when the whole cache must go. */
    private final AtomicLong version = new AtomicLong();
    /** Counter values heard and not yet checked by a poll. */
    private final ConcurrentSkipListSet<Long> heard = new ConcurrentSkipListSet<>();
    /** The counter the last poll read, and the one before it (-1: none yet). */
    private volatile long polled = -1;
    private volatile long polledBefore = -1;
    private volatile long confirmedAt = System.nanoTime() - TRUST_FOR.toNanos() - 1;
    private final AtomicInteger gapsInARow = new AtomicInteger();
    private volatile Consumer<String> evict = id -> { };
    private volatile boolean closed;
    private volatile Connection listening;
    private volatile Connection polling;
    private Thread listener;
    private Thread poller;
    /** For metrics and tests: notifications heard, whole-cache drops, listener reconnects. */
    final AtomicLong notifications = new AtomicLong();
    final AtomicLong drops = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();

    /** {@code storeId}: this store's random id, from its tokenctl_changes row; its channel is named after it. */
    PgChanges(String url, Properties props, String storeId) {
        this.url = url;
        this.props = props;
        this.channel = "tokenctl_" + storeId;
    }

    /** Starts listening and polling, on two daemon threads; the first poll runs before this returns. */
    void start() {
        poll();
        listener = daemon("tokenctl-change-listener", this::listen);
        poller = daemon("tokenctl-change-poll", () -> {
            while (!closed) {
                sleep(POLL_EVERY);
                poll();
            }
        });
    }

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public long version() {
        return System.nanoTime() - confirmedAt > TRUST_FOR.toNanos() ? Changes.UNKNOWN : version.get();
    }

    @Override
    public boolean free() {
        return true;
    }

    @Override
    public void onTokenChanged(Consumer<String> evict) {
        this.evict = evict;
    }

    /** A connection of its own, named in pg_stat_activity ("tokenctl listener", "tokenctl poll") for operators. */
    private Connection connect(String name) throws SQLException {
        java.util.Properties named = new java.util.Properties();
        named.putAll(props);
        named.setProperty("ApplicationName", name);
        Connection c = DriverManager.getConnection(url, named);
        c.setNetworkTimeout(DIRECT, ANSWER_WITHIN_MS);
        return c;
    }

    /** Reads the counter on the poll's own connection; a value since the last poll that no one heard drops all. */
    private void poll() {
        try {
            Connection c = polling;
            if (c == null) {
                c = connect("tokenctl poll");
                polling = c;
            }
            long now;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT counter FROM tokenctl_changes")) {
                rs.next();
                now = rs.getLong(1);
            }
            long from = polledBefore;
            long to = polled;
            if (now < to) {
                dropAll(); // the counter went back: another database behind the same URL
            } else if (from >= 0 && to > from) {
                boolean gap = false;
                for (long v = from + 1; !gap && v <= to; v++) {
                    gap = !heard.contains(v);
                }
                if (gap) {
                    dropAll();
                    if (gapsInARow.incrementAndGet() >= 2) {
                        // twice unexplained: the listener's connection may be dead without having said so
                        gapsInARow.set(0);
                        closeQuietly(listening);
                    }
                } else {
                    gapsInARow.set(0);
                }
            }
            if (to >= 0) {
                heard.headSet(to, true).clear();
            }
            polledBefore = to;
            polled = now;
            confirmedAt = System.nanoTime();
        } catch (SQLException | RuntimeException e) {
            // unconfirmed: after TRUST_FOR the cache is not used until a poll succeeds again
            closeQuietly(polling);
            polling = null;
        }
    }

    private void dropAll() {
        drops.incrementAndGet();
        version.incrementAndGet();
    }

    /** Listens until closed, reconnecting after any error: listen first, then drop the whole cache. */
    private void listen() {
        long backoff = POLL_EVERY.toMillis();
        boolean first = true;
        while (!closed) {
            try (Connection c = connect("tokenctl listener")) {
                listening = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + channel);
                }
                if (!first) {
                    reconnects.incrementAndGet();
                    dropAll();
                }
                first = false;
                backoff = POLL_EVERY.toMillis();
                PGConnection pg = c.unwrap(PGConnection.class);
                long quietSince = System.nanoTime();
                while (!closed) {
                    PGNotification[] got = pg.getNotifications((int) POLL_EVERY.toMillis());
                    if (got != null && got.length > 0) {
                        heard(got);
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince > PING_EVERY.toNanos()) {
                        try (Statement st = c.createStatement()) {
                            st.execute("SELECT 1");
                        }
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                // a change made while this connection is down is never told: the next listen drops everything
                first = false;
                dropAll();
                sleep(Duration.ofMillis(backoff));
                backoff = Math.min(RECONNECT_AT_MOST.toMillis(), backoff * 2);
            } finally {
                listening = null;
            }
        }
    }

    /** Each "COUNTER TOKEN-ID" or "COUNTER *": evicts the token, or drops everything. */
    private void heard(PGNotification[] got) {
        notifications.addAndGet(got.length);
        boolean all = got.length > EVICT_AT_MOST || heard.size() > HEARD_AT_MOST;
        if (heard.size() > HEARD_AT_MOST) {
            heard.clear();
        }
        for (PGNotification n : got) {
            String payload = n.getParameter();
            int sp = payload.indexOf(' ');
            long counter;
            try {
                counter = Long.parseLong(payload.substring(0, Math.max(0, sp)));
            } catch (NumberFormatException e) {
                all = true;
                continue;
            }
            String what = payload.substring(sp + 1);
            if (what.equals("*")) {
                all = true;
            } else if (!all) {
                evict.accept(what);
            }
            heard.add(counter);
        }
        if (all) {
            dropAll();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // gone anyway
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listening);
        for (Thread t : new Thread[] {listener, poller}) {
            if (t != null) {
                t.interrupt();
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        closeQuietly(polling);
    }
}
