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

/** A server on a free loopback port over a set-up store: an admin's token, a reader's, and ways to ask. */
abstract class ServerFixture {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-11-23T12:00:00Z"));
    final List<String> log = new CopyOnWriteArrayList<>();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Engine engine;
    Server server;
    String admin;
    String reader;
    URI base;

    void start(ServeOptions options) {
        SecureRandom random = new SecureRandom();
        engine = new Engine(dir.resolve("t.db"), clock, () -> random);
        engine.openOrCreate();
        server = Server.start(engine, options, log::add);
        base = URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    @BeforeEach
    void setUp() {
        start(ServeOptions.plain(loopback()));
        admin = engine.as(null).setup(new Setup("admin", "acme", false)).token().secret();
        reader = engine.as(admin).create(new CreateToken(null, null, null, false, false, false,
                List.of(Permission.parse("read:buckets")), null, null, null, List.of("10.0.0.0/8"))).secret();
    }

    @AfterEach
    void tearDown() {
        server.stopNow();
        engine.close();
    }

    static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    record Answer(int status, String body, Map<String, List<String>> headers) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }

        String header(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null ? null : v.get(0);
        }
    }

    Answer send(String method, String path, String auth, String type, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body(), r.headers().map());
    }

    Answer get(String path, String auth, String... headers) throws Exception {
        return send("GET", path, auth, null, null, headers);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A raw HTTP request line the JDK's client would refuse to send, and what comes back. */
    static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(utf8(request));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
