package io.tokenctl.store;

import io.tokenctl.core.port.Changes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * How a serve instance's cache hears of a change made through any instance: the schema's triggers move a one-row
 * counter and NOTIFY the changed token's id in the changing transaction (so only on commit). A listener on a
 * dedicated connection outside the pool evicts each token as it hears of it; a poll of the counter every
 * {@link #POLL_EVERY}, through the pool, drops the whole cache when the counter moved past what the listener
 * heard (a notification is lost for good while a listener's connection is down). After any listener error it
 * reconnects, listens first, then drops the whole cache. While no poll has succeeded for {@link #TRUST_FOR}
 * (the database away), the cache is not used at all.
 */
final class PgChanges implements Changes, AutoCloseable {
    static final String CHANNEL = "tokenctl_changes";
    static final Duration POLL_EVERY = Duration.ofMillis(250);
    static final Duration TRUST_FOR = Duration.ofSeconds(1);
    private static final Duration RECONNECT_AT_MOST = Duration.ofSeconds(2);

    private final String url;
    private final Properties props;
    private final Jdbi pool;
    /** Moves when the whole cache must go. */
    private final AtomicLong version = new AtomicLong();
    /** The highest counter a notification carried, and the counter the last poll read (-1: none yet). */
    private final AtomicLong heard = new AtomicLong(-1);
    private volatile long polled = -1;
    private volatile long confirmedAt = System.nanoTime() - TRUST_FOR.toNanos() - 1;
    private volatile Consumer<String> evict = id -> { };
    private volatile boolean closed;
    private volatile Connection listening;
    private Thread listener;
    private Thread poller;
    /** For metrics: notifications heard, whole-cache drops, listener reconnects. */
    final AtomicLong notifications = new AtomicLong();
    final AtomicLong drops = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();

    PgChanges(String url, Properties props, Jdbi pool) {
        this.url = url;
        this.props = props;
        this.pool = pool;
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

    /** Reads the counter; a move that no notification explained drops the whole cache. */
    private void poll() {
        try {
            long now = pool.withHandle(h -> h.createQuery("SELECT counter FROM tokenctl_changes")
                    .mapTo(Long.class).one());
            long before = polled;
            if (before >= 0 && now != before && now > heard.get()) {
                dropAll();
            }
            polled = now;
            confirmedAt = System.nanoTime();
        } catch (RuntimeException e) {
            // unconfirmed: after TRUST_FOR the cache is not used until a poll succeeds again
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
            try (Connection c = DriverManager.getConnection(url, props)) {
                listening = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    reconnects.incrementAndGet();
                    dropAll();
                }
                first = false;
                backoff = POLL_EVERY.toMillis();
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications((int) POLL_EVERY.toMillis());
                    if (got != null) {
                        for (PGNotification n : got) {
                            heard(n.getParameter());
                        }
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

    /** "COUNTER TOKEN-ID" or "COUNTER *". */
    private void heard(String payload) {
        notifications.incrementAndGet();
        int sp = payload.indexOf(' ');
        long counter;
        try {
            counter = Long.parseLong(payload.substring(0, Math.max(0, sp)));
        } catch (NumberFormatException e) {
            dropAll();
            return;
        }
        String what = payload.substring(sp + 1);
        if (what.equals("*")) {
            dropAll();
        } else {
            evict.accept(what);
        }
        heard.accumulateAndGet(counter, Math::max);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = listening;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
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
    }
}
