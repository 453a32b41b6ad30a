package io.tokenctl.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenctl.PgCluster;
import io.tokenctl.Tokenctl;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database going away under a serve instance (a proxy between them cuts every connection and refuses new
 * ones) and coming back: 503 unavailable meanwhile, health says fail, cached verifies go on for at most the cache
 * bound, and the instance recovers by itself.
 */
class DatabaseAwayTest {
    static final Permission RB = Permission.parse("read:buckets");

    @TempDir
    Path home;
    private TcpProxy proxy;
    private Instance serve;
    private String admin;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void aServerBehindAProxy() throws Exception {
        String db = PgCluster.get().newDatabase();
        proxy = new TcpProxy(PgCluster.get().port());
        serve = new Instance(db.replace(":" + PgCluster.get().port() + "/", ":" + proxy.port() + "/"));
        admin = serve.as(null).setup(new Setup("admin", "acme", false)).token().secret();
    }

    @AfterEach
    void stop() throws Exception {
        serve.log.forEach(System.out::println);
        serve.close();
        proxy.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(serve.url.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ErrorCode codeOf(Supplier<?> call) {
        try {
            call.get();
            return null;
        } catch (TokenctlException e) {
            return e.code();
        }
    }

    @Test
    void whileTheDatabaseIsAwayRequestsAre503AndTheInstanceRecoversByItself() throws Exception {
        TokenService api = serve.as(admin);
        CreatedToken t = api.create(new CreateToken("ci", null, null, false, false, false, List.of(RB), null, null,
                null, null, null));
        Verify verify = new Verify(t.secret(), null, null, List.of(RB), null);
        assertTrue(serve.as(null).verify(verify).active());
        assertEquals(200, get("/health").statusCode());

        proxy.cut();
        long cutAt = System.nanoTime();
        assertEquals(ErrorCode.UNAVAILABLE, codeOf(() -> api.list(new ListTokens(null, null, null, null, 10, null))));
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(serve.url.resolve("/api/v2/authorizations"))
                .header("Authorization", "Token " + admin).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, list.statusCode());
        assertTrue(list.body().contains("\"code\":\"unavailable\""), list.body());
        HttpResponse<String> health = get("/health");
        assertEquals(503, health.statusCode());
        assertTrue(health.body().contains("\"status\":\"fail\""), health.body());
        // a cached verify may go on, but not past the cache bound
        while (System.nanoTime() - cutAt < Duration.ofMillis(1500).toNanos()) {
            Thread.sleep(50);
        }
        assertEquals(ErrorCode.UNAVAILABLE, codeOf(() -> serve.as(null).verify(verify)));

        // the CLI says it in one line, exit 1
        Tokenctl cli = new Tokenctl(home);
        cli.env.put("TOKENCTL_HOST", serve.url.toString());
        cli.env.put("TOKENCTL_TOKEN", admin);
        Tokenctl.Result r = cli.run("auth", "list");
        r.expect(1);
        assertEquals(1, r.err().strip().lines().count(), r.err());

        proxy.restore();
        long back = System.nanoTime();
        boolean recovered = false;
        while (!recovered && System.nanoTime() - back < Duration.ofSeconds(15).toNanos()) {
            recovered = codeOf(() -> api.list(new ListTokens(null, null, null, null, 10, null))) == null;
            Thread.sleep(100);
        }
        assertTrue(recovered, "the instance did not recover by itself");
        assertTrue(serve.as(null).verify(verify).active());
        assertEquals(200, get("/health").statusCode());
        assertFalse(serve.log.stream().anyMatch(l -> l.contains(t.secret())), "no secret in the server's log");
    }
}
