package io.tokenctl.server;

import io.tokenctl.api.ServedStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What {@code GET /metrics} says, in Prometheus's text format (0.0.4): requests by method, route template and
 * status; verify answers by outcome; verify latency as a histogram; and the store's verify cache and connections.
 * Labels are only ever route templates, methods, status codes and outcome words: never an id, a name or a secret.
 */
final class Metrics {
    /** Upper bounds of the latency buckets, in seconds. */
    private static final double[] BOUNDS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    private static final java.util.Set<String> METHODS = java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH",
            "DELETE", "OPTIONS");

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
    private final LongAdder verifyCount = new LongAdder();
    private final LongAdder verifyNanos = new LongAdder();

    Metrics() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** One answered request; {@code outcome} is set for verifies (POST /api/v2/verify, GET /api/v2/authz). */
    void request(String method, String template, int status, long nanos, String outcome) {
        String m = METHODS.contains(method) ? method : "other";
        requests.computeIfAbsent(m + "\u0000" + template + "\u0000" + status, k -> new LongAdder()).increment();
        if (outcome != null) {
            outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
            double seconds = nanos / 1e9;
            int i = 0;
            while (i < BOUNDS.length && seconds > BOUNDS[i]) {
                i++;
            }
            buckets[i].increment();
            verifyCount.increment();
            verifyNanos.add(nanos);
        }
    }

    /** The whole exposition, with {@code store}'s figures read now. */
    byte[] render(ServedStore.Stats store) {
        StringBuilder out = new StringBuilder(4096);
        help(out, "tokenctl_http_requests_total", "counter", "HTTP requests answered, by method, route and status");
        new TreeMap<>(requests).forEach((key, n) -> {
            String[] k = key.split("\u0000", 3);
            out.append("tokenctl_http_requests_total{method=\"").append(k[0]).append("\",route=\"")
                    .append(escape(k[1])).append("\",status=\"").append(k[2]).append("\"} ").append(n.sum())
                    .append('\n');
        });
        help(out, "tokenctl_verify_total", "counter", "Verify answers (POST /api/v2/verify, GET /api/v2/authz), by outcome");
        new TreeMap<>(outcomes).forEach((o, n) -> out.append("tokenctl_verify_total{outcome=\"").append(o)
                .append("\"} ").append(n.sum()).append('\n'));
        help(out, "tokenctl_verify_duration_seconds", "histogram", "Time to answer a verify, in the server");
        long cumulative = 0;
        for (int i = 0; i < buckets.length; i++) {
            cumulative += buckets[i].sum();
            out.append("tokenctl_verify_duration_seconds_bucket{le=\"")
                    .append(i < BOUNDS.length ? Double.toString(BOUNDS[i]) : "+Inf").append("\"} ").append(cumulative)
                    .append('\n');
        }
        out.append("tokenctl_verify_duration_seconds_sum ").append(verifyNanos.sum() / 1e9).append('\n');
        out.append("tokenctl_verify_duration_seconds_count ").append(verifyCount.sum()).append('\n');
        counter(out, "tokenctl_verify_cache_hits_total", "Verifies answered from the cache", store.cacheHits());
        counter(out, "tokenctl_verify_cache_misses_total", "Verifies that read the store", store.cacheMisses());
        help(out, "tokenctl_verify_cache_invalidations_total", "counter",
                "Cache invalidations heard from the store: one token's entries, or the whole cache");
        out.append("tokenctl_verify_cache_invalidations_total{scope=\"token\"} ").append(store.cacheEvictions())
                .append('\n');
        out.append("tokenctl_verify_cache_invalidations_total{scope=\"all\"} ").append(store.cacheDrops()).append('\n');
        help(out, "tokenctl_store_connections", "gauge", "The store's connections, by state");
        out.append("tokenctl_store_connections{state=\"active\"} ").append(store.connectionsActive()).append('\n');
        out.append("tokenctl_store_connections{state=\"idle\"} ").append(store.connectionsIdle()).append('\n');
        gauge(out, "tokenctl_store_connections_max", "The most connections the store opens", store.connectionsMax());
        gauge(out, "tokenctl_store_connections_waiting", "Requests waiting for a store connection",
                store.connectionsWaiting());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void help(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        help(out, name, "counter", help);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        help(out, name, "gauge", help);
        out.append(name).append(' ').append(value).append('\n');
    }

    /** A label value as the text format wants it: backslash, quote and newline escaped. */
    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
