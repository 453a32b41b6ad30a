package io.tokenctl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** GET /metrics in Prometheus's text format: what a scrape after some traffic says, and what it never says. */
class MetricsTest extends ServerFixture {
    /** A sample line: name, optional labels, a number. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-z_]+)(\\{([a-z_]+=\"[^\"\\\\]*\"(,[a-z_]+=\"[^\"\\\\]*\")*)\\})? (-?[0-9.eE+-]+|\\+Inf|NaN)");

    private Map<String, Double> scrape() throws Exception {
        Answer a = get("/metrics", null);
        assertEquals(200, a.status());
        assertTrue(a.header("Content-Type").startsWith("text/plain; version=0.0.4"), a.header("Content-Type"));
        Map<String, Double> samples = new HashMap<>();
        for (String line : a.body().split("\n")) {
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a sample line: " + line);
            samples.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)), Double.parseDouble(m.group(5)));
        }
        assertFalse(a.body().contains(admin) || a.body().contains(reader), "no secret in the metrics");
        assertFalse(Pattern.compile("[0-9a-f]{16}").matcher(a.body()).find(), "no token or org id in the metrics");
        return samples;
    }

    private Answer verify(String secret) throws Exception {
        return send("POST", "/api/v2/verify", null, "application/x-www-form-urlencoded",
                utf8("token=" + secret + "&require=read:buckets"));
    }

    @Test
    void aScrapeCountsRequestsVerifyOutcomesLatencyAndTheCache() throws Exception {
        String open = engine.as(admin).create(new CreateToken(null, null, null, false, false, false,
                List.of(Permission.parse("read:buckets")), null, null, null, null)).secret();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, verify(open).status());
        }
        verify(reader); // allowed only from 10.0.0.0/8: forbidden from loopback
        verify("tctl_not_a_real_token");
        get("/api/v2/authz", "Token " + open, "X-Tokenctl-Require", "read:buckets");
        Map<String, Double> m = scrape();
        assertEquals(3 + 1 + 1, m.get("tokenctl_http_requests_total{method=\"POST\",route=\"/api/v2/verify\",status=\"200\"}"));
        assertEquals(1, m.get("tokenctl_http_requests_total{method=\"GET\",route=\"/api/v2/authz\",status=\"204\"}"));
        assertEquals(4, m.get("tokenctl_verify_total{outcome=\"active\"}"));
        assertEquals(1, m.get("tokenctl_verify_total{outcome=\"forbidden\"}"));
        assertEquals(1, m.get("tokenctl_verify_total{outcome=\"unauthenticated\"}"));
        assertEquals(6, m.get("tokenctl_verify_duration_seconds_count"));
        assertEquals(6, m.get("tokenctl_verify_duration_seconds_bucket{le=\"+Inf\"}"));
        assertTrue(m.get("tokenctl_verify_duration_seconds_sum") > 0);
        assertTrue(m.get("tokenctl_verify_cache_hits_total") >= 2, "the second and third verify of one token hit");
        assertTrue(m.get("tokenctl_verify_cache_misses_total") >= 1);
        assertEquals(1, m.get("tokenctl_store_connections_max"));
        assertTrue(m.containsKey("tokenctl_verify_cache_invalidations_total{scope=\"token\"}"));
        // a scrape counts itself in the next one
        assertEquals(1, scrape().get("tokenctl_http_requests_total{method=\"GET\",route=\"/metrics\",status=\"200\"}"));
    }

    @Test
    void anUnknownPathIsCountedUnderOneLabelNotItsOwn() throws Exception {
        get("/no/such/f00dfeedf00dfeed/thing", null);
        get("/another/path", null);
        Map<String, Double> m = scrape();
        assertEquals(2, m.get("tokenctl_http_requests_total{method=\"GET\",route=\"-\",status=\"404\"}"));
    }
}
