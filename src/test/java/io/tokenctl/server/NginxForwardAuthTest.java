package io.tokenctl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.TestClock;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.core.Engine;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nginx (Debian's nginx-light, with auth_request) in front of a page, asking tokenctl serve's
 * {@code /api/v2/authz} about every request: exactly the usable tokens get in. The README shows the same snippet.
 * Where nginx is not installed (CI installs it, see .ci/run) the test says so loudly and is skipped.
 */
class NginxForwardAuthTest {
    static final Path NGINX = Path.of("/usr/sbin/nginx");

    @TempDir
    Path dir;
    Engine engine;
    Server server;
    Process nginx;

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (server != null) {
            server.stopNow();
            engine.close();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The config the README shows, with this test's ports and folders. */
    static String config(Path prefix, int port, int tokenctl) {
        return """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/tmp; proxy_temp_path %1$s/tmp; fastcgi_temp_path %1$s/tmp;
                  uwsgi_temp_path %1$s/tmp; scgi_temp_path %1$s/tmp;
                  server {
                    listen 127.0.0.1:%2$d;
                    # the page: every request is first asked about (a `return` here would skip the check)
                    location /dashboards/ {
                      auth_request /_tokenctl;
                      root %1$s/www;
                    }
                    location = /_tokenctl {
                      internal;
                      proxy_pass http://127.0.0.1:%3$d/api/v2/authz;
                      proxy_pass_request_body off;
                      proxy_set_header Content-Length "";
                      proxy_set_header X-Original-Method $request_method;
                      proxy_set_header X-Tokenctl-Require "dashboards";
                      proxy_set_header X-Forwarded-For $remote_addr;
                    }
                  }
                }
                """.formatted(prefix, port, tokenctl);
    }

    @Test
    void nginxInFrontOfAPageLetsInExactlyTheUsableTokens() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(NGINX), "SKIPPED LOUDLY: no nginx at " + NGINX + " (apt-get install"
                + " nginx-light; .ci/run does): the forward-auth test against a real nginx did not run");
        SecureRandom random = new SecureRandom();
        engine = new Engine(dir.resolve("t.db"), new TestClock(Instant.parse("2026-11-23T12:00:00Z")), () -> random);
        engine.openOrCreate();
        server = Server.start(engine, ServeOptions.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                line -> { });
        String admin = engine.as(null).setup(new Setup("admin", "acme", false)).token().secret();
        String viewer = engine.as(admin).create(new CreateToken(null, null, null, false, false, false,
                List.of(Permission.parse("read:dashboards")), null, null, null, null)).secret();
        String other = engine.as(admin).create(new CreateToken(null, null, null, false, false, false,
                List.of(Permission.parse("read:buckets")), null, null, null, null)).secret();
        CreateToken retiredOne = new CreateToken(null, null, null, false, false, false,
                List.of(Permission.parse("read:dashboards")), null, null, null, null);
        var retired = engine.as(admin).create(retiredOne);
        engine.as(admin).retire(retired.token().id());

        Path prefix = Files.createDirectories(dir.resolve("nginx"));
        Files.createDirectories(prefix.resolve("tmp"));
        Path www = Files.createDirectories(prefix.resolve("www/dashboards"));
        Files.writeString(www.resolve("index.html"), "the dashboard\n");
        for (Path p : List.of(dir, prefix, prefix.resolve("www"), www, www.resolve("index.html"), prefix.resolve("tmp"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                    : "rw-r--r--"));
        }
        int port = freePort();
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config(prefix, port, server.address().getPort()));
        nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", conf.toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String page = "http://127.0.0.1:" + port + "/dashboards/";
        int up = -1;
        for (int i = 0; i < 100 && up < 0; i++) {
            try {
                up = client.send(HttpRequest.newBuilder(URI.create(page)).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (java.io.IOException starting) {
                Thread.sleep(100);
            }
        }
        assertEquals(401, up, "nginx is up and a request without a token is refused: "
                + Files.readString(prefix.resolve("error.log")));
        HttpResponse<String> in = client.send(HttpRequest.newBuilder(URI.create(page))
                .header("Authorization", "Token " + viewer).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, in.statusCode());
        assertEquals("the dashboard\n", in.body());
        assertEquals(200, status(client, page, "Bearer " + admin));
        assertEquals(403, status(client, page, "Token " + other), "a token without read:dashboards");
        assertEquals(401, status(client, page, "Token " + retired.secret()), "a retired token");
        assertEquals(401, status(client, page, "Token tctl_" + "0".repeat(36)), "an unknown token");
        HttpResponse<String> write = client.send(HttpRequest.newBuilder(URI.create(page)).method("DELETE",
                HttpRequest.BodyPublishers.noBody()).header("Authorization", "Token " + viewer).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(write.statusCode() == 403, "a DELETE needs write:dashboards: " + write.statusCode());
    }

    static int status(HttpClient client, String url, String auth) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
