package io.tokenctl.scale;

import io.tokenctl.api.TokenService;
import io.tokenctl.core.Engine;
import io.tokenctl.core.port.StoreAddress;
import io.tokenctl.core.port.StoreOpener;
import io.tokenctl.remote.RemoteTokenService;
import io.tokenctl.server.ServeOptions;
import io.tokenctl.server.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** One {@code tokenctl serve} instance over a PostgreSQL database, in this JVM, on a free loopback port. */
final class Instance implements AutoCloseable {
    final Engine engine;
    final Server server;
    final URI url;
    final List<String> log = new CopyOnWriteArrayList<>();

    Instance(String dbUrl) {
        SecureRandom random = new SecureRandom();
        engine = new Engine(StoreAddress.database(dbUrl, null), StoreOpener.installed(), Clock.systemUTC(), () -> random)
                .busyTimeout(Duration.ofSeconds(2)).notes(log::add);
        engine.openOrCreate();
        engine.flushPeriodically();
        server = Server.start(engine, ServeOptions.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                log::add);
        url = URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    /** This instance's API over HTTP, as the caller presenting {@code secret}. */
    TokenService as(String secret) {
        return RemoteTokenService.connect(url, secret, new RemoteTokenService.Options(null, false,
                Duration.ofSeconds(10), null));
    }

    @Override
    public void close() {
        server.stopNow();
        engine.close();
    }
}
