package io.tokenctl.cli;

import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.ServedStore;
import io.tokenctl.api.TokenService;
import io.tokenctl.core.Engine;
import io.tokenctl.core.LocalTokenService;
import io.tokenctl.core.StoreCopying;
import io.tokenctl.core.port.StoreAddress;
import io.tokenctl.core.port.StoreOpener;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The factory a real run uses: core's engine over the store file, or the HTTP client of a server. */
final class LocalOrRemote implements ServiceFactory {
    /** How long a server's request waits for another process's write lock: then 503, and the worker is free. */
    static final java.time.Duration SERVER_BUSY_WAIT = java.time.Duration.ofSeconds(2);

    private final Clock clock;
    private final Supplier<SecureRandom> random;

    LocalOrRemote(Clock clock, Supplier<SecureRandom> random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public TokenService open(Target target, String operatorToken, Consumer<String> notes) {
        if (target.remote()) {
            if (target.skipVerify()) {
                // java.net.http reads it once, when its first client is made: before that
                System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
                notes.accept("--skip-verify: the certificate of " + target.host() + " is not checked, so anyone on the"
                        + " way can read and change this session; for test set-ups only");
            }
            return io.tokenctl.remote.RemoteTokenService.connect(target.host(), operatorToken,
                    new io.tokenctl.remote.RemoteTokenService.Options(target.caCert(), target.skipVerify(),
                            target.timeout(), target.debug() ? notes : null));
        }
        return new Engine(target.store(), clock, random).notes(notes).asSoleCaller(operatorToken);
    }

    @Override
    public ServedStore serve(StoreLocation store, Consumer<String> notes) {
        Engine engine = new Engine(address(store), StoreOpener.installed(), clock, random).notes(notes)
                .busyTimeout(SERVER_BUSY_WAIT);
        try {
            engine.openOrCreate();
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
        engine.flushPeriodically();
        return engine;
    }

    private static StoreAddress address(StoreLocation store) {
        return store.file() != null ? StoreAddress.file(store.file())
                : StoreAddress.database(store.dbUrl(), store.dbPassword());
    }

    @Override
    public java.util.List<java.util.Map.Entry<String, Long>> copyStore(StoreLocation from, StoreLocation to) {
        return StoreCopying.copy(StoreOpener.installed(), address(from), address(to)).stream()
                .map(c -> java.util.Map.entry(c.what(), c.rows())).toList();
    }

    @Override
    public Verification verifyOffline(String token, byte[] jwks, Clock clock) {
        return LocalTokenService.verifyOffline(token, jwks, clock);
    }

    @Override
    public void warmUp() {
        Engine.warmUp();
    }
}
