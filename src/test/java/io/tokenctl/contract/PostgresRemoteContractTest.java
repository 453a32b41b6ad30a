package io.tokenctl.contract;

import io.tokenctl.PgCluster;
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
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

/** The contract held by the remote client, talking to a real server over PostgreSQL (a fresh database per test). */
class PostgresRemoteContractTest extends TokenServiceContract {
    private Engine engine;
    private Server server;
    private URI url;

    @Override
    protected void start(Path store) {
        SecureRandom random = new SecureRandom();
        engine = new Engine(StoreAddress.database(PgCluster.get().newDatabase(), null), StoreOpener.installed(),
                clock, () -> random);
        engine.openOrCreate();
        server = Server.start(engine, ServeOptions.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                line -> { });
        url = URI.create("http://127.0.0.1:" + server.address().getPort());
    }

    @Override
    protected TokenService as(String secret) {
        return RemoteTokenService.connect(url, secret, new RemoteTokenService.Options(null, false,
                Duration.ofSeconds(10), null));
    }

    @Override
    protected void stop() {
        server.stopNow();
        engine.close();
    }
}
