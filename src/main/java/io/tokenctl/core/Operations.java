package io.tokenctl.core;

import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.StoreTx;
import java.time.Instant;

/**
 * Runs an operation as the operator token: authenticate, act, and record every refusal in the audit log even
 * though the refused change itself is rolled back.
 */
final class Operations {
    @FunctionalInterface
    interface Operation<T> {
        T run(StoreTx tx, Caller caller, Instant now);
    }

    private final Engine engine;
    private final String operatorSecret;
    private final boolean rehearse;
    /** The token the last call authenticated as, for a server's request log. */
    private volatile String actingTokenId;

    Operations(Engine engine, String operatorSecret, boolean rehearse) {
        this.engine = engine;
        this.operatorSecret = operatorSecret;
        this.rehearse = rehearse;
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
            Instant now = engine.clock.instant();
            return engine.store().read(tx -> test.test(tx, Authenticator.authenticate(tx, p, now)));
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
        Instant now = engine.clock.instant();
        Storage store = engine.store();
        Caller[] acting = new Caller[1];
        try {
            java.util.function.Function<StoreTx, T> work = tx -> {
                acting[0] = Authenticator.authenticate(tx, presented, now);
                actingTokenId = acting[0].tokenId();
                return op.run(tx, acting[0], now);
            };
            if (!write) {
                return store.read(work);
            }
            if (rehearse) {
                store.rehearse(work);
            }
            T result = store.write(work);
            engine.verifier.invalidate();
            return result;
        } catch (TokenctlException e) {
            if (e.code() == ErrorCode.UNAUTHENTICATED && acting[0] == null) {
                // a dead operator secret is watched like one presented to verify: a likely leak is audited
                engine.verifier.operatorRefused(presented, now);
                throw e;
            }
            // every refusal of an authenticated caller: no right, nothing there, a rule of state (a retired token,
            // the last admin) or a value the store's state makes wrong; not the store failing
            boolean refused = e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.NOT_FOUND
                    || e.code() == ErrorCode.CONFLICT || e.code() == ErrorCode.USAGE;
            if (refused && acting[0] != null) {
                Caller caller = acting[0];
                try {
                    store.write(tx -> {
                        Audit.denied(tx, caller, now, action, target, e.getMessage());
                        return null;
                    });
                } catch (TokenctlException unrecorded) {
                    // the refusal stands; that it could not be audited is said, not put in its place
                    engine.note("the refused " + action + " could not be audited: " + unrecorded.getMessage());
                }
            }
            throw e;
        }
    }
}
