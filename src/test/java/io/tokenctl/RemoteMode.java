package io.tokenctl;

import io.tokenctl.core.Engine;
import io.tokenctl.server.ServeOptions;
import io.tokenctl.server.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The CLI's tests run twice: on the store file, and (with -Dtokenctl.test.mode=remote) with {@code --host} against
 * a real {@code tokenctl serve} stack on 127.0.0.1 over the same store, started for each store the tests use and
 * stopped after each test. The expected output and exit codes are the same. The server's clock follows the clock
 * of whichever test run is talking to it.
 */
public final class RemoteMode implements AfterEachCallback {
    public static final boolean ON = "remote".equals(System.getProperty("tokenctl.test.mode"));

    /** A clock that reads whichever clock was last pointed at. */
    static final class Following extends Clock {
        volatile Clock target = Clock.systemUTC();

        @Override
        public Instant instant() {
            return target.instant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private record Served(Engine engine, Server server, Following clock, String url) {
    }

    private static final Map<Path, Served> SERVERS = new ConcurrentHashMap<>();

    /** Made by JUnit, which finds it through META-INF/services. */
    public RemoteMode() {
    }

    /** The URL of a server over {@code store}, whose clock now follows {@code clock}. */
    static String serverFor(Path store, Clock clock) {
        Served s = SERVERS.computeIfAbsent(store.toAbsolutePath(), p -> {
            Following following = new Following();
            SecureRandom random = new SecureRandom();
            Engine engine = new Engine(p, following, () -> random);
            engine.openOrCreate();
            Server server = Server.start(engine, ServeOptions.plain(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), 0)), line -> { });
            return new Served(engine, server, following, "http://127.0.0.1:" + server.address().getPort());
        });
        s.clock().target = clock;
        return s.url();
    }

    /** The URL of the server over {@code store} if one runs, else null. */
    static String urlOf(Path store) {
        Served s = SERVERS.get(store.toAbsolutePath());
        return s == null ? null : s.url();
    }

    /** Stops every server, writing what its verifies counted: the next test starts afresh. */
    static void stopAll() {
        for (Path p : SERVERS.keySet()) {
            Served s = SERVERS.remove(p);
            if (s != null) {
                s.server().stopNow();
                s.engine().close();
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopAll();
    }
}
