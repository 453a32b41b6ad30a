package io.tokenctl.contract;

import io.tokenctl.PgCluster;
import io.tokenctl.api.TokenService;
import io.tokenctl.core.Engine;
import io.tokenctl.core.port.StoreAddress;
import io.tokenctl.core.port.StoreOpener;
import java.nio.file.Path;
import java.security.SecureRandom;

/** The contract held by the engine over a PostgreSQL database (a fresh one per test). */
class PostgresContractTest extends TokenServiceContract {
    private Engine engine;

    @Override
    protected void start(Path store) {
        SecureRandom random = new SecureRandom();
        engine = new Engine(StoreAddress.database(PgCluster.get().newDatabase(), null), StoreOpener.installed(),
                clock, () -> random);
    }

    @Override
    protected TokenService as(String secret) {
        return engine.as(secret);
    }

    @Override
    protected void stop() {
        engine.close();
    }
}
