package io.tokenctl.contract;

import io.tokenctl.api.TokenService;
import io.tokenctl.core.Engine;
import java.nio.file.Path;
import java.security.SecureRandom;

/** The contract held by the local engine over a store file. */
class LocalContractTest extends TokenServiceContract {
    private Engine engine;

    @Override
    protected void start(Path store) {
        SecureRandom random = new SecureRandom();
        engine = new Engine(store, clock, () -> random);
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
