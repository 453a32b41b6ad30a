package io.tokenctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenctl.core.Engine;
import io.tokenctl.server.ServeOptions;
import io.tokenctl.server.Server;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a server as an operator meets it: over TLS with a private CA, and when the server can't be
 * reached, answers too slowly, or its certificate isn't trusted (one line each, exit 1). Requests dumped with
 * --debug never show a secret.
 */
class RemoteCliTest {
    @TempDir
    Path dir;
    final List<AutoCloseable> running = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
    }

    /** A server over a store in {@code dir}, as {@code options} say; returns its port. */
    int serve(Path store, ServeOptions options) {
        SecureRandom random = new SecureRandom();
        Engine engine = new Engine(store, new TestClock(java.time.Instant.parse("2026-11-23T12:00:00Z")), () -> random);
        engine.openOrCreate();
        Server server = Server.start(engine, options, line -> { });
        running.add(engine);
        running.add(server::stopNow);
        return server.address().getPort();
    }

    static InetSocketAddress loopback() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    }

    @Test
    void overTlsWithAPrivateCaTheWholeStoryWorksAndAnUntrustedCertificateIsOneLine() throws Exception {
        Path p12 = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                p12.toString(), "-storepass", "changeit", "-keypass", "changeit");
        Path cert = dir.resolve("cert.pem");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", p12.toString(), "-storepass", "changeit",
                "-file", cert.toString());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        Path key = dir.resolve("key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                ks.getKey("server", "changeit".toCharArray()).getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        int port = serve(dir.resolve("t.db"), new ServeOptions(loopback(), cert, key, null, false, List.of()));
        String url = "https://127.0.0.1:" + port;

        Tokenctl t = new Tokenctl(dir.resolve("home"));
        t.run("--host", url, "--ca-cert", cert.toString(), "setup", "--username", "admin", "--org", "acme", "-q").expect(0);
        // the profile remembers the host and the CA; the flag or env var overrides it field by field
        JsonNode profile = t.json("config", "list").get(0);
        assertEquals(url, profile.get("host").asText());
        String reader = t.create("--read-buckets");
        t.runWithStdin(reader, "auth", "verify", "--require", "read:buckets").expect(0);
        assertEquals(2, t.json("auth", "list").size());

        Tokenctl stranger = new Tokenctl(dir.resolve("stranger"));
        stranger.env.put("TOKENCTL_TOKEN", reader);
        Tokenctl.Result untrusted = stranger.run("--host", url, "auth", "list").expect(1);
        assertTrue(untrusted.err().startsWith("error: TLS with " + url + " failed"), untrusted.err());
        assertTrue(untrusted.err().contains("--ca-cert"), untrusted.err());
        assertEquals(1, untrusted.err().strip().lines().count(), untrusted.err());
        Tokenctl.Result skipped = stranger.runWithStdin(reader, "--host", url, "--skip-verify", "auth", "verify").expect(0);
        assertTrue(skipped.err().contains("--skip-verify") && skipped.err().contains("test set-ups only"), skipped.err());

        // a PKCS#12 keystore serves the same (its password from TOKENCTL_TLS_KEYSTORE_PASSWORD)
        int p12port = serve(dir.resolve("t2.db"), new ServeOptions(loopback(), null, null, p12, "changeit", false,
                List.of()));
        new Tokenctl(dir.resolve("home2")).run("--host", "https://127.0.0.1:" + p12port, "--ca-cert", cert.toString(),
                "setup", "--username", "admin", "--org", "acme", "-q").expect(0);
    }

    static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
    }

    @Test
    void aServerThatCantBeReachedOrDoesntAnswerIsOneLineNamingItAndExitOne() throws Exception {
        Tokenctl t = new Tokenctl(dir);
        t.env.put("TOKENCTL_TOKEN", "tctl_" + "0".repeat(36));
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Tokenctl.Result refused = t.run("--host", "http://127.0.0.1:" + closed, "auth", "list").expect(1);
        assertEquals("error: cannot reach http://127.0.0.1:" + closed + ": connection refused (is tokenctl serve running"
                + " there?)", refused.err().strip());
        Tokenctl.Result unknown = t.run("--host", "http://no-such-host.invalid:8086", "auth", "list").expect(1);
        assertTrue(unknown.err().contains("unknown host no-such-host.invalid"), unknown.err());
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket s = silent.accept()) {
                    Thread.sleep(5000);
                } catch (Exception e) {
                    // the client gave up
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Tokenctl.Result slow = t.run("--host", "http://127.0.0.1:" + silent.getLocalPort(), "--timeout", "1s",
                    "auth", "list").expect(1);
            assertTrue(slow.err().contains("did not answer within 1s (--timeout)"), slow.err());
        }
        t.run("--host", "ftp://x", "auth", "list").expect(2);
        t.run("--host", "http://127.0.0.1:1", "--store", "s.db", "auth", "list").expect(2);
    }

    @Test
    void debugDumpsRequestsAndAnswersWithoutASecret() throws Exception {
        int port = serve(dir.resolve("t.db"), ServeOptions.plain(loopback()));
        Tokenctl t = new Tokenctl(dir.resolve("home"));
        t.run("--host", "http://127.0.0.1:" + port, "setup", "--username", "admin", "--org", "acme", "-q").expect(0);
        Tokenctl.Result r = t.run("--debug", "auth", "create", "--read-buckets", "--json");
        String secret = r.expect(0).secret();
        assertTrue(r.err().contains("> POST http://127.0.0.1:" + port + "/api/v2/authorizations"), r.err());
        assertTrue(r.err().contains("Authorization: Token <redacted>") && r.err().contains("< 201"), r.err());
        assertFalse(r.err().contains(secret), "the new secret in the dump");
        assertFalse(Tokenctl.SECRET.matcher(r.err()).find(), "a secret in the dump: " + r.err());
    }
}
