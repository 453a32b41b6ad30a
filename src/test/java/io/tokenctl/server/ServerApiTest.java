package io.tokenctl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenctl.TestClock;
import io.tokenctl.api.Cidr;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.core.Engine;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's HTTP surface as other software meets it: every route of the OpenAPI document answers, hostile or
 * broken requests get their status and one line (never a 500, never a secret), proxies get forward auth, RFC
 * 7662 clients get introspection with their own credential, and the server keeps serving throughout.
 */
class ServerApiTest extends ServerFixture {
    @Test
    void everyRouteInTheOpenApiDocumentAnswersAndEveryRouteIsInIt() throws Exception {
        Answer doc = get("/api/v2/openapi.json", null);
        assertEquals(200, doc.status());
        JsonNode paths = doc.json().get("paths");
        int operations = 0;
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String template = it.next();
            String path = template.replace("{id}", "0000000000000000").replace("{org}", "acme")
                    .replace("{kid}", "0000000000000000").replace("{app}", "grafana");
            for (Iterator<String> m = paths.get(template).fieldNames(); m.hasNext(); ) {
                String method = m.next().toUpperCase(java.util.Locale.ROOT);
                boolean body = paths.get(template).get(method.toLowerCase(java.util.Locale.ROOT)).has("requestBody");
                Answer a = send(method, path, "Token " + admin, body ? "application/json" : null,
                        body ? utf8("{}") : null);
                operations++;
                assertNotEquals(405, a.status(), method + " " + template + " -> " + a.body());
                if (a.status() == 404) {
                    assertFalse(a.body().contains("no route"), method + " " + template + " has no route: " + a.body());
                }
                assertTrue(a.status() < 500, method + " " + template + " -> " + a.status() + " " + a.body());
            }
        }
        List<String> table = new ArrayList<>();
        ApiRoutes.of(engine, ServeOptions.plain(loopback()), new Metrics()).all()
                .forEach(r -> table.add(r.method().toLowerCase(java.util.Locale.ROOT) + " " + r.template()));
        List<String> documented = new ArrayList<>();
        paths.fieldNames().forEachRemaining(p -> paths.get(p).fieldNames().forEachRemaining(m -> documented.add(m + " " + p)));
        table.sort(null);
        documented.sort(null);
        assertEquals(table, documented, "the document lists exactly the routes that answer");
        assertEquals(table.size(), operations);
    }

    @Test
    void brokenAndHostileRequestsGetTheirStatusAndTheServerServesOn() throws Exception {
        record Case(String method, String path, String auth, String type, byte[] body, int status, String code) {
        }
        String tok = "Token " + admin;
        byte[] twentyMegabytes = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(twentyMegabytes, (byte) 'a');
        List<Case> cases = List.of(
                new Case("POST", "/api/v2/authorizations", tok, "application/json", utf8("{\"permissions\":"), 400, "invalid"),
                new Case("POST", "/api/v2/authorizations", tok, "application/json", utf8("[1,2]"), 400, "invalid"),
                new Case("POST", "/api/v2/authorizations", tok, "application/json", utf8("{\"bogus\":1}"), 400, "invalid"),
                new Case("POST", "/api/v2/authorizations", tok, "application/json", twentyMegabytes, 413, "request too large"),
                new Case("POST", "/api/v2/authorizations", tok, "text/plain", utf8("{}"), 415, "unsupported media type"),
                new Case("POST", "/api/v2/authorizations", tok, "application/json",
                        new byte[] {'{', '"', 'd', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'}, 400, "invalid"),
                new Case("GET", "/api/v2/authorizations", null, null, null, 401, "unauthorized"),
                new Case("GET", "/api/v2/authorizations", "Token tctl_" + "0".repeat(36), null, null, 401, "unauthorized"),
                new Case("GET", "/api/v2/authorizations", "Digest x", null, null, 401, "unauthorized"),
                new Case("GET", "/api/v2/authorizations", "Token " + reader, null, null, 403, "forbidden"),
                new Case("PUT", "/api/v2/authorizations", tok, null, null, 405, "method not allowed"),
                new Case("GET", "/api/v2/authorizations/..%2F..%2Fetc%2Fpasswd", tok, null, null, 400, "invalid"),
                new Case("GET", "/api/v2/authorizations/%2e%2e", tok, null, null, 400, "invalid"),
                new Case("GET", "/api/v2/authorizations/%ff%fe", tok, null, null, 400, "invalid"),
                new Case("GET", "/api/v2/authorizations/x%0a5%202026", tok, null, null, 400, "invalid"),
                new Case("GET", "/api/v2/nothing/here", tok, null, null, 404, "not found"),
                new Case("GET", "/api/v2/authorizations?user=" + reader, tok, null, null, 400, "invalid"),
                // InfluxDB's JS client sends a JSON content type even on GET and DELETE without a body
                new Case("GET", "/api/v2/orgs", tok, "application/json", null, 200, null));
        for (Case c : cases) {
            Answer a = send(c.method(), c.path(), c.auth(), c.type(), c.body());
            String what = c.method() + " " + c.path();
            assertEquals(c.status(), a.status(), what + " -> " + a.body());
            if (c.code() != null) {
                assertEquals(c.code(), a.json().get("code").asText(), what);
                assertEquals(c.code(), a.header("X-Platform-Error-Code"), what);
                assertTrue(a.header("Content-Type").startsWith("application/json"), what);
                assertFalse(a.json().get("message").asText().contains("\n"), what);
            }
            assertFalse(a.body().contains(admin) || a.body().contains(reader), "a secret came back: " + what);
            if (c.status() == 401) {
                assertEquals("Bearer realm=\"tokenctl\", error=\"invalid_token\"", a.header("WWW-Authenticate"), what);
            }
            if (c.status() == 405) {
                assertTrue(a.header("Allow").contains("GET"), what);
            }
        }
        assertEquals(200, get("/health", null).status(), "still serving");
        for (String line : log) {
            assertTrue(line.matches("tokenctl serve: [A-Z]+ \\S+ \\d{3} [0-9.]+ ms( token [0-9a-f]{16})?"), line);
            assertFalse(line.contains(admin) || line.contains(reader), line);
        }
    }

    @Test
    void clientsTricklingTheirRequestsHoldNoWorker() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
                OutputStream out = s.getOutputStream();
                out.write(utf8("POST /api/v2/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"tok"));
                out.flush();
                slow.add(s);
            }
            for (int i = 0; i < 20; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
                s.getOutputStream().write(utf8("GET /health HT"));
                slow.add(s);
            }
            long start = System.nanoTime();
            Answer a = send("POST", "/api/v2/verify", null, "application/json",
                    utf8("{\"token\":\"" + reader + "\",\"ip\":\"10.1.2.3\"}"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, a.status());
            assertTrue(a.json().get("active").asBoolean());
            // the bar is 100 ms (bench/ measures it); this only proves no worker is held, on a shared machine
            assertTrue(ms < 2000, "a verify waited " + ms + " ms behind 40 slow clients");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void forwardAuthAnswersProxiesWith204Or401Or403AndNever404() throws Exception {
        assertEquals(200, get("/api/v2/me", "Token " + admin).status());
        assertEquals(401, get("/api/v2/me", null).status());
        assertEquals(401, get("/api/v2/me", "Bearer tctl_" + "0".repeat(36)).status());
        String authz = "/api/v2/authz";
        assertEquals(204, get(authz, "Bearer " + admin, "X-Tokenctl-Require", "read:buckets").status());
        assertEquals(204, get(authz, "Bearer " + admin, "X-Tokenctl-Require", "dashboards",
                "X-Original-Method", "DELETE").status());
        assertEquals(401, get(authz, null).status());
        assertEquals(401, get(authz, "Bearer tctl_" + "1".repeat(36)).status());
        Answer scope = get(authz, "Bearer " + reader, "X-Tokenctl-Require", "buckets", "X-Original-Method", "POST");
        assertEquals(403, scope.status(), scope.body());
        assertEquals("Bearer realm=\"tokenctl\", error=\"insufficient_scope\"", scope.header("WWW-Authenticate"));
        // the reader is limited to 10.0.0.0/8: an untrusted peer's X-Forwarded-For is ignored
        assertEquals(403, get(authz, "Bearer " + reader, "X-Forwarded-For", "10.1.2.3").status());
    }

    @Test
    void aTrustedProxyNamesTheClientInXForwardedFor() throws Exception {
        server.stopNow();
        engine.close();
        start(new ServeOptions(loopback(), null, null, null, false, List.of(Cidr.parse("proxy", "127.0.0.0/8"))));
        assertEquals(204, get("/api/v2/authz", "Bearer " + reader, "X-Forwarded-For", "10.1.2.3").status());
        assertEquals(204, get("/api/v2/authz", "Bearer " + reader, "X-Forwarded-For", "203.0.113.9, 10.1.2.3").status());
        assertEquals(403, get("/api/v2/authz", "Bearer " + reader, "X-Forwarded-For", "10.1.2.3, 203.0.113.9").status());
    }

    @Test
    void introspectionTakesTheCallersOwnCredentialAsBasicOrBearer() throws Exception {
        String form = "token=" + reader + "&token_type_hint=access_token&ip=10.1.2.3";
        String basic = "Basic " + Base64.getEncoder().encodeToString(utf8("resource-server:" + admin));
        Answer withBasic = send("POST", "/api/v2/verify", basic, "application/x-www-form-urlencoded", utf8(form));
        assertEquals(200, withBasic.status(), withBasic.body());
        JsonNode v = withBasic.json();
        assertTrue(v.get("active").isBoolean() && v.get("active").asBoolean());
        assertTrue(v.get("iat").isNumber());
        assertEquals("read:buckets", v.get("scope").asText());
        // a caller whose own token fails is answered as an anonymous one, as a local verify is
        Answer badCaller = send("POST", "/api/v2/verify", "Bearer tctl_" + "0".repeat(36),
                "application/x-www-form-urlencoded", utf8(form));
        assertEquals(200, badCaller.status());
        assertTrue(badCaller.json().get("active").asBoolean());
        server.stopNow();
        engine.close();
        start(new ServeOptions(loopback(), null, null, null, true, List.of()));
        assertEquals(401, send("POST", "/api/v2/verify", null, "application/x-www-form-urlencoded", utf8(form)).status());
        assertEquals(401, send("POST", "/api/v2/verify", "Bearer tctl_" + "0".repeat(36),
                "application/x-www-form-urlencoded", utf8(form)).status());
        assertEquals(200, send("POST", "/api/v2/verify", "Bearer " + admin, "application/x-www-form-urlencoded",
                utf8(form)).status());
    }

    @Test
    void setupOverHttpRunsOnceOnANewStore() throws Exception {
        server.stopNow();
        engine.close();
        dir.resolve("t.db").toFile().delete();
        start(ServeOptions.plain(loopback()));
        byte[] body = utf8("{\"username\":\"admin\",\"org\":\"acme\"}");
        Answer first = send("POST", "/api/v2/setup", null, "application/json", body);
        assertEquals(201, first.status(), first.body());
        assertTrue(first.json().get("token").get("token").asText().startsWith("tctl_"));
        Answer second = send("POST", "/api/v2/setup", null, "application/json", body);
        assertEquals(409, second.status());
        assertEquals("conflict", second.json().get("code").asText());
    }

    @Test
    void whatJettyRefusesItselfIsJsonToo() throws Exception {
        String answer = raw(server.address().getPort(), "GET /api/v2/orgs HTTP/1.1\r\nHost: x\r\nBad Header\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("application/json") && answer.contains("\"code\":\"invalid\""), answer);
    }
}
