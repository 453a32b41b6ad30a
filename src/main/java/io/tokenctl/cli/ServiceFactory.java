package io.tokenctl.cli;

import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.ServedStore;
import io.tokenctl.api.TokenService;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The one place that makes what a command talks to: the local store or a server, from a {@link Target} the root
 * command resolved from its flags, the environment and the profile. Commands hold only the {@link TokenService}
 * it returns and never know which one it is. Tests hand in another (see {@link Context}).
 */
public interface ServiceFactory {
    /** The API at {@code target}, acting as {@code operatorToken} (null: none); {@code notes} hears what couldn't be recorded. */
    TokenService open(Target target, String operatorToken, Consumer<String> notes);

    /**
     * The store a server serves, opened (made, when the file is new; its schema brought up to date, for a
     * database), its usage written every second.
     */
    ServedStore serve(StoreLocation store, Consumer<String> notes);

    /**
     * Copies every row of the store {@code from} into the new, empty store {@code to}: how many rows of each kind,
     * in the order copied.
     */
    java.util.List<java.util.Map.Entry<String, Long>> copyStore(StoreLocation from, StoreLocation to);

    /** A JWT checked against a JWKS document alone: no store, so no revocation. */
    Verification verifyOffline(String token, byte[] jwks, Clock clock);

    /** What a command that opens a store will initialise anyway, for a launcher to run on a second thread. */
    void warmUp();
}
