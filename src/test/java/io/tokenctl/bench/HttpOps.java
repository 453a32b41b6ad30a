package io.tokenctl.bench;

import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.TokenService;
import io.tokenctl.core.Engine;
import io.tokenctl.remote.RemoteTokenService;
import io.tokenctl.server.ServeOptions;
import io.tokenctl.server.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The API's operations over HTTP against the same calls in process, for bench/http.sh: one engine over the
 * store, called directly and through the remote client and a server on loopback, alternating in rounds after a
 * warm-up. Usage: {@code HttpOps STORE ID USER ITERATIONS ROUNDS}, operator token in TOKENCTL_TOKEN. Prints one
 * {@code name local_us remote_us} line per operation and round (medians), for the script's table.
 */
public final class HttpOps {
    private HttpOps() {
    }

    public static void main(String[] args) {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        String id = args[1];
        String user = args[2];
        int n = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        String operator = System.getenv("TOKENCTL_TOKEN");
        SecureRandom random = new SecureRandom();
        try (Engine engine = new Engine(Path.of(args[0]), Clock.systemUTC(), () -> random)) {
            engine.openOrCreate();
            Server server = Server.start(engine, ServeOptions.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                    line -> { });
            try {
                TokenService local = engine.as(operator);
                TokenService remote = RemoteTokenService.connect(URI.create("http://127.0.0.1:" + server.address().getPort()),
                        operator, new RemoteTokenService.Options(null, false, Duration.ofSeconds(30), null));
                CreateToken create = new CreateToken("bench", null, null, false, false, false,
                        List.of(Permission.parse("read:buckets")), null, null, null, null);
                ListTokens list = new ListTokens(user, null, null, null, 50, null);
                for (int r = 0; r < rounds; r++) {
                    row("create", n, () -> local.create(create), () -> remote.create(create));
                    row("list", n, () -> local.list(list), () -> remote.list(list));
                    row("show", n, () -> local.show(id), () -> remote.show(id));
                }
            } finally {
                server.stopNow();
            }
        }
    }

    private static void row(String name, int n, Supplier<?> local, Supplier<?> remote) {
        double l = medianMicros(n, local);
        double r = medianMicros(n, remote);
        System.out.printf("%s %.1f %.1f%n", name, l, r);
    }

    private static double medianMicros(int n, Supplier<?> call) {
        for (int i = 0; i < n; i++) {
            call.get();
        }
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            long s = System.nanoTime();
            call.get();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        return t[n / 2] / 1000.0;
    }
}
