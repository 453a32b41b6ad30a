package io.tokenctl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.Tokenctl;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a second reading of remote mode found (issue 12), each shown as it was found. */
class RemoteReviewTest extends ServerFixture {

    @Test
    void aStaleOperatorTokenDoesNotSpoilARemoteVerifyAsItDoesntALocalOne() throws Exception {
        Tokenctl cli = new Tokenctl(dir.resolve("cli"));
        cli.env.put("TOKENCTL_TOKEN", "tctl_" + "0".repeat(36));
        Tokenctl.Result remote = cli.runWithStdin(reader, "--host", base.toString(), "auth", "verify", "--ip", "10.1.2.3")
                .expect(0);
        assertTrue(remote.out().contains("\"active\" : true"), remote.out());
        Files.writeString(dir.resolve("empty.token"), "");
        cli.env.remove("TOKENCTL_TOKEN");
        cli.runWithStdin(reader, "--host", base.toString(), "--token-file", dir.resolve("empty.token").toString(), "auth",
                "verify", "--ip", "10.1.2.3").expect(0);
    }

    @Test
    void anotherProcessHoldingTheWriteLockGetsA503SoonAndTheServerServesOn() throws Exception {
        server.stopNow();
        engine.close();
        engine = new io.tokenctl.core.Engine(dir.resolve("t.db"), clock, () -> new java.security.SecureRandom())
                .busyTimeout(java.time.Duration.ofMillis(500));
        engine.openOrCreate();
        server = Server.start(engine, ServeOptions.plain(loopback()), log::add);
        base = java.net.URI.create("http://127.0.0.1:" + server.address().getPort());
        String body = "{\"orgID\":\"acme\",\"permissions\":[{\"action\":\"read\",\"resource\":{\"type\":\"buckets\"}}]}";
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db"));
                Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            Answer busy = send("POST", "/api/v2/authorizations", "Token " + admin, "application/json", utf8(body));
            assertEquals(503, busy.status(), busy.body());
            assertEquals("unavailable", busy.json().get("code").asText());
            assertFalse(busy.body().contains(dir.toString()), "the store's path is the server's business: " + busy.body());
            assertEquals(200, get("/health", null).status());
            st.execute("ROLLBACK");
        }
        assertEquals(201, send("POST", "/api/v2/authorizations", "Token " + admin, "application/json", utf8(body))
                .status());
    }

    @Test
    void nullBodiesNullElementsMalformedQueriesAndNumericIdsAre400sNot500s() throws Exception {
        String tok = "Token " + admin;
        List<String[]> cases = List.of(
                new String[] {"POST", "/api/v2/setup", null, "null"},
                new String[] {"POST", "/api/v2/authorizations", tok, "null"},
                new String[] {"POST", "/api/v2/authorizations", tok, "{\"permissions\":[null]}"},
                new String[] {"POST", "/api/v2/authorizations", tok, "{\"orgs\":[null],\"allAccess\":true}"},
                new String[] {"POST", "/api/v2/authorizations", tok, "{\"allowIPs\":[null],\"allAccess\":true}"},
                new String[] {"POST", "/api/v2/authorizations", tok,
                    "{\"permissions\":[{\"action\":\"read\",\"resource\":{\"type\":\"buckets\",\"id\":5}}]}"},
                new String[] {"PUT", "/api/v2/authorizations/0000000000000000/apps/grafana", tok, "{\"state\":\"pending\"}"},
                new String[] {"PUT", "/api/v2/authorizations/0000000000000000/apps/grafana", tok, "{\"state\":null}"});
        for (String[] c : cases) {
            Answer a = send(c[0], c[1], c[2], c[3] == null ? null : "application/json", c[3] == null ? null : utf8(c[3]));
            assertEquals(400, a.status(), c[0] + " " + c[1] + " " + c[3] + " -> " + a.body());
        }
        for (String query : List.of("/api/v2/authorizations?after=%zz", "/api/v2/users?org=%ff")) {
            String answer = raw(server.address().getPort(), "GET " + query + " HTTP/1.1\r\nHost: x\r\nAuthorization: "
                    + tok + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), query + " -> " + answer);
        }
        assertTrue(log.stream().noneMatch(l -> l.contains("internal error")), log.toString());
    }

    @Test
    void anInfluxDbClientMayCreateAnInactiveToken() throws Exception {
        Answer made = send("POST", "/api/v2/authorizations", "Token " + admin, "application/json",
                utf8("{\"orgID\":\"acme\",\"status\":\"inactive\",\"permissions\":[{\"action\":\"read\",\"resource\":"
                        + "{\"type\":\"buckets\"}}]}"));
        assertEquals(201, made.status(), made.body());
        assertEquals("inactive", made.json().get("status").asText());
        Answer verified = send("POST", "/api/v2/verify", null, "application/json",
                utf8("{\"token\":\"" + made.json().get("token").asText() + "\"}"));
        assertFalse(verified.json().get("active").asBoolean());
    }

    @Test
    void theNextPageLinkKeepsTheFilters() throws Exception {
        Answer page = get("/api/v2/authorizations?limit=1&status=active&user=admin", "Token " + admin);
        String next = page.json().get("links").get("next").asText();
        assertTrue(next.contains("limit=1") && next.contains("status=active") && next.contains("user=admin")
                && next.contains("after="), next);
        Answer second = get(next, "Token " + admin);
        assertEquals(1, second.json().get("authorizations").size());
        assertFalse(second.json().get("authorizations").get(0).get("id").asText()
                .equals(page.json().get("authorizations").get(0).get("id").asText()));
    }

    @Test
    void aSecondSetupTellsAnAnonymousCallerNothingOfTheStoresPlace() throws Exception {
        Answer again = send("POST", "/api/v2/setup", null, "application/json",
                utf8("{\"username\":\"eve\",\"org\":\"evil\"}"));
        assertEquals(409, again.status());
        assertFalse(again.body().contains(dir.toString()), again.body());
    }

    @Test
    void aProxysUnreadableHeadersDenyRatherThanFail() throws Exception {
        Answer a = get("/api/v2/authz", "Bearer " + admin, "X-Tokenctl-Require", "fly:buckets");
        assertEquals(403, a.status(), a.body());
    }

    @Test
    void aProfilesTokenIsNeverSentToAnotherHost() throws Exception {
        Tokenctl cli = new Tokenctl(dir.resolve("cli"));
        cli.run("--host", base.toString(), "setup", "--username", "x", "--org", "y").expect(1); // already set up
        cli.env.put("TOKENCTL_STORE", dir.resolve("mine.db").toString());
        cli.setup();
        cli.env.remove("TOKENCTL_STORE");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<List<String>> headers = CompletableFuture.supplyAsync(() -> {
                try (Socket s = listener.accept()) {
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    List<String> lines = new ArrayList<>();
                    for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
                        lines.add(l);
                    }
                    s.getOutputStream().write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    return lines;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            cli.run("--host", "http://127.0.0.1:" + listener.getLocalPort(), "auth", "list").expect(3);
            List<String> sent = headers.get(10, TimeUnit.SECONDS);
            assertTrue(sent.stream().noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("authorization")),
                    "the profile's token went to a host it wasn't saved for: " + sent);
        }
    }
}
