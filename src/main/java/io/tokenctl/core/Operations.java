package io.tokenctl.core;

import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.store.Store;
import io.tokenctl.store.StoreTx;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Runs an operation as the operator token: authenticate, act, and record a refusal in the audit log even though
 * the refused change itself is rolled back.
 */
final class Operations {
    @FunctionalInterface
    interface Operation<T> {
        T run(StoreTx tx, Caller caller, Instant now);
    }

    private final Supplier<Store> store;
    private final String operatorSecret;
    private final Clock clock;
    private final Runnable onChange;
    /** The token the last call authenticated as, for a server's request log. */
    private volatile String actingTokenId;

    /** {@code onChange} runs after every change that committed (it clears caches of what was read). */
    Operations(Supplier<Store> store, String operatorSecret, Clock clock, Runnable onChange) {
        this.store = store;
        this.operatorSecret = operatorSecret;
        this.clock = clock;
        this.onChange = onChange;
    }

    /**
     * Whether the operator token, if there is one and it authenticates, passes {@code test}: a quiet look that is
     * never audited (a verify asks it to decide how much of an answer the caller may see).
     */
    boolean callerMay(java.util.function.BiPredicate<StoreTx, Caller> test) {
        if (operatorSecret == null) {
            return false;
        }
        try {
            Presented p = Authenticator.presented(operatorSecret);
            Instant now = clock.instant();
            return store.get().read(tx -> test.test(tx, Authenticator.authenticate(tx, p, now)));
        } catch (TokenctlException e) {
            return false;
        }
    }

    String actingTokenId() {
        return actingTokenId;
    }

    /** A read: authenticate, then look, outside a write transaction. */
    <T> T look(String action, String target, Operation<T> op) {
        return run(false, action, target, op);
    }

    /** A change: authenticate and act in one write transaction, all or nothing. */
    <T> T change(String action, String target, Operation<T> op) {
        return run(true, action, target, op);
    }

    private <T> T run(boolean write, String action, String target, Operation<T> op) {
        Presented presented = Authenticator.presented(operatorSecret);
        Instant now = clock.instant();
        Caller[] acting = new Caller[1];
        try {
            java.util.function.Function<StoreTx, T> work = tx -> {
                acting[0] = Authenticator.authenticate(tx, presented, now);
                actingTokenId = acting[0].tokenId();
                return op.run(tx, acting[0], now);
            };
            if (!write) {
                return store.get().read(work);
            }
            T result = store.get().write(work);
            onChange.run();
            return result;
        } catch (TokenctlException e) {
            if (e.code() == ErrorCode.UNAUTHENTICATED && acting[0] == null
                    && store.get().read(tx -> Verifier.isLeak(tx, presented, now))) {
                store.get().write(tx -> {
                    Verifier.recordOperatorLeak(tx, presented, now);
                    return null;
                });
                onChange.run();
                throw e;
            }
            boolean refused = e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.NOT_FOUND;
            if (refused && acting[0] != null) {
                Caller caller = acting[0];
                store.get().write(tx -> {
                    Audit.denied(tx, caller, now, action, target, e.getMessage());
                    return null;
                });
            }
            throw e;
        }
    }
}
