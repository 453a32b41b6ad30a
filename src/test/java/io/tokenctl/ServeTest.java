package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenctl.core.Engine;
import io.tokenctl.server.ServeOptions;
import io.tokenctl.server.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tokenctl serve}'s HTTP adapter, for real: a server on 127.0.0.1 with a free port over a real SQLite
 * store, spoken to with the JDK's HTTP client, while the CLI changes the same store through its own connection.
 */
class ServeTest extends AdminStore {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private Engine service;
    private Server server;
    private URI base;

    @BeforeEach
    void startServer() {
        SecureRandom random = new SecureRandom();
        service = new Engine(admin.store(), admin.clock, () -> random);
        service.openOrCreate();
        server = Server.start(service, ServeOptions.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                line -> {
                    if (!line.matches("tokenctl serve: [A-Z]+ \\S+ \\d{3} [0-9.]+ ms.*")) {
                        log.add(line);
                    }
                });
        base = URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stopNow();
        service.close();
    }

    record Answer(int status, String body, Map<String, List<String>> headers) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    Answer send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r.headers().map());
    }

    Answer verifyJson(String body) throws Exception {
        return send("POST", "/api/v2/verify", "application/json", body);
    }

    static String tokenBody(String secret, String... more) {
        return "{\"token\":\"" + secret + "\"" + String.join("", more) + "}";
    }

    @Test
    void aVerifyOverHttpAnswersExactlyAsTheCliDoes() throws Exception {
        Tokenctl.Made reader = admin.make("--read-buckets");
        String cli = admin.runWithStdin(reader.secret(), "auth", "verify", "--require", "read:buckets").expect(0).out();

        Answer json = verifyJson(tokenBody(reader.secret(), ",\"require\":[\"read:buckets\"]"));
        assertEquals(200, json.status());
        assertEquals(JSON.readTree(cli), json.json());
        assertEquals(List.of("no-store"), json.headers().get("cache-control"));

        Answer form = send("POST", "/api/v2/verify", "application/x-www-form-urlencoded",
                "token=" + reader.secret() + "&token_type_hint=access_token&require=read%3Abuckets");
        assertEquals(200, form.status());
        assertEquals(JSON.readTree(cli), form.json());

        // a refusal is still a decided introspection: 200, active false, and why
        Answer missing = verifyJson(tokenBody(reader.secret(), ",\"require\":\"write:buckets\""));
        assertEquals(200, missing.status());
        assertFalse(missing.json().get("active").asBoolean());
        assertEquals("insufficient_scope", missing.json().get("error").asText());
        assertEquals(reader.id(), missing.json().get("id").asText());

        String unknown = "tctl_" + "0".repeat(36);
        Answer bad = verifyJson(tokenBody(unknown));
        assertEquals(200, bad.status());
        assertEquals("invalid_token", bad.json().get("error").asText());

        Answer health = send("GET", "/health", null, null);
        assertEquals(200, health.status());
        assertEquals("pass", health.json().get("status").asText());
    }

    @Test
    void badRequestsGetOneLineTheirStatusAndNeverTheSecret() throws Exception {
        String secret = admin.create("--read-buckets");
        record Case(String method, String path, String type, String body, int status, String code, String says) {
        }
        List<Case> cases = List.of(
                new Case("POST", "/api/v2/verify", "application/json", "{\"token\":\"" + secret + "\"", 400, "invalid",
                        "not valid JSON (line 1"),
                new Case("POST", "/api/v2/verify", "application/json", "[\"" + secret + "\"]", 400, "invalid",
                        "not a JSON object"),
                new Case("POST", "/api/v2/verify", "application/json", "{}", 400, "invalid", "has no token"),
                new Case("POST", "/api/v2/verify", "application/json", tokenBody(secret, ",\"scope\":\"x\""), 400,
                        "invalid", "unknown verify body field \"scope\"; accepted: token, app, ip, org, require"),
                new Case("POST", "/api/v2/verify", "application/json", tokenBody(secret, ",\"app\":7"), 400, "invalid",
                        "\"app\" must be a string"),
                new Case("POST", "/api/v2/verify", "application/json", tokenBody(secret, ",\"require\":[\"fly:buckets\"]"),
                        400, "invalid", "fly"),
                new Case("POST", "/api/v2/verify", "application/json", tokenBody(secret, ",\"ip\":\"10.0.0.300\""), 400,
                        "invalid", "10.0.0.300"),
                new Case("POST", "/api/v2/verify", "application/json", tokenBody(secret, ",\"token\":\"x\""), 400,
                        "invalid", "given twice"),
                // a second require must not quietly replace the first (and so widen what passes)
                new Case("POST", "/api/v2/verify", "application/json",
                        tokenBody(secret, ",\"require\":[\"write:buckets\"],\"require\":[]"), 400, "invalid",
                        "\"require\" is given twice"),
                // a secret where a name belongs would be echoed in the answer, audited and stored
                new Case("POST", "/api/v2/verify", "application/x-www-form-urlencoded",
                        "token=" + secret + "&org=" + secret, 400, "invalid", "looks like a token secret"),
                new Case("POST", "/api/v2/verify", "application/x-www-form-urlencoded",
                        "token=" + secret + "&app=" + secret, 400, "invalid", "looks like a token secret"),
                // curl -d "$TOKEN": the form's only field name is the secret itself
                new Case("POST", "/api/v2/verify", "application/x-www-form-urlencoded", secret, 400, "invalid",
                        "was the token sent without token=?"),
                new Case("POST", "/api/v2/verify", "application/x-www-form-urlencoded", "token=%zz", 400, "invalid",
                        "not valid form encoding"),
                new Case("POST", "/api/v2/verify", "text/plain", secret, 415, "unsupported media type",
                        "Content-Type \"text/plain\""),
                new Case("POST", "/api/v2/verify?token=" + secret, "application/json", "{}", 400, "invalid",
                        "query parameters are not accepted"),
                new Case("GET", "/api/v2/verify", null, null, 405, "method not allowed", "use POST"),
                new Case("GET", "/api/v2/nope", null, null, 404, "not found", "no route"),
                new Case("POST", "/api/v2/verify", "application/json",
                        tokenBody(secret, ",\"app\":\"" + "a".repeat(70_000) + "\""),
                        413, "request too large", "65536-byte limit"));
        for (Case c : cases) {
            Answer a = send(c.method(), c.path(), c.type(), c.body());
            String what = c.method() + " " + c.body();
            assertEquals(c.status(), a.status(), what + " -> " + a.body());
            JsonNode error = a.json();
            assertEquals(c.code(), error.get("code").asText(), what);
            String message = error.get("message").asText();
            assertTrue(message.contains(c.says()), what + " -> " + message);
            assertFalse(message.contains("\n"), message);
            assertFalse(a.body().contains(secret), "the secret came back in " + a.body());
        }
        assertEquals(List.of(), log, "bad requests are the client's problem, not the server's log");
        assertFalse(admin.run("audit", "list", "--json").expect(0).out().contains(secret), "a secret in the audit log");
        // and the server still answers
        assertTrue(verifyJson(tokenBody(secret)).json().get("active").asBoolean());
    }

    @Test
    void aRetirementByAnotherProcessIsHonouredWithinASecond() throws Exception {
        Tokenctl.Made t = admin.make("--read-buckets");
        assertTrue(verifyJson(tokenBody(t.secret())).json().get("active").asBoolean());
        // the CLI retires it through its own connection, as an operator's shell would
        admin.run("auth", "retire", t.id()).expect(0);
        admin.clock.advance(Duration.ofMillis(1000));
        JsonNode after = verifyJson(tokenBody(t.secret())).json();
        assertFalse(after.get("active").asBoolean(), after.toString());
        assertEquals("invalid_token", after.get("error").asText(), after.toString());
        assertFalse(after.has("id"), "an anonymous verifier learns nothing of a dead secret: " + after);
    }

    @Test
    void concurrentVerifiesAreAllAnsweredAndEveryUseIsCounted() throws Exception {
        Tokenctl.Made reader = admin.make("--read-buckets");
        Tokenctl.Made writer = admin.make("--write-buckets");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String secret = i % 2 == 0 ? reader.secret() : writer.secret();
            String app = i % 3 == 0 ? ",\"app\":\"app" + i % 4 + "\"" : "";
            answers.add(pool.submit(() -> verifyJson(tokenBody(secret, app)).json().get("active").asBoolean()));
            if (i % 100 == 50) {
                // the CLI writes the store meanwhile: other tokens come and go, these two stay valid
                admin.create("--read-dashboards");
                service.flushUsage();
            }
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(2, TimeUnit.MINUTES));
        for (Future<Boolean> a : answers) {
            assertTrue(a.get());
        }
        service.flushUsage();
        assertEquals(150, admin.json("auth", "show", reader.id()).get("useCount").asInt());
        assertEquals(150, admin.json("auth", "show", writer.id()).get("useCount").asInt());
        assertEquals(List.of(), log);
        for (String suffix : List.of("", "-wal")) {
            byte[] bytes = Files.readAllBytes(admin.store().resolveSibling("tokenctl.db" + suffix));
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains(reader.secret()) || text.contains(writer.secret()), "a secret in the store" + suffix);
        }
    }

    @Test
    void serveRefusesBadListenAddressesAMissingStoreAndABusyPort() throws Exception {
        for (String bad : List.of("8086", "localhost:http", "127.0.0.1:65536", "::1:8086", "no.such.host.invalid:80")) {
            Tokenctl.Result r = admin.run("serve", "--listen", bad).expect(2);
            assertTrue(r.err().startsWith("error: --listen " + bad), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        Tokenctl.Result remote = admin.run("--host", "http://127.0.0.1:1", "serve", "--listen", "127.0.0.1:0").expect(2);
        assertTrue(remote.err().contains("serve works on a local store"), remote.err());

        Files.createFile(dir.resolve("empty.db"));
        Tokenctl.Result none = admin.run("--store", dir.resolve("empty.db").toString(), "serve").expect(1);
        assertTrue(none.err().contains("empty, not a tokenctl store"), none.err());
        assertEquals(0, Files.size(dir.resolve("empty.db")), "serve makes a store only of a new path");

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Tokenctl.Result busy = admin.run("serve", "--listen", "127.0.0.1:" + taken.getLocalPort()).expect(1);
            assertTrue(busy.err().startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort()), busy.err());
        }
    }
}
