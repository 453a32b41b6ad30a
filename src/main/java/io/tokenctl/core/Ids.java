package io.tokenctl.core;

import io.tokenctl.api.Limits;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.StoreTx;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * Ids of tokens, users and orgs: 16 lowercase hex digits, 11 of creation time in milliseconds (good to the
 * year 2527) and 5 random, so they sort by creation and page with {@code --after}. Never derived from a secret.
 * Two ids made in the same millisecond collide once in about a million pairs: {@link #fresh} tries again.
 */
public final class Ids {

    private Ids() {
    }

    public static String next(Instant now, SecureRandom random) {
        return String.format("%011x%05x", now.toEpochMilli() & 0xfffffffffffL, random.nextInt(1 << 20));
    }

    /** A new id that no row of {@code table} has yet. */
    static String fresh(StoreTx tx, StoreTx.Keyed table, Instant now, SecureRandom random) {
        for (int i = 0; i < 5; i++) {
            String candidate = next(now, random);
            if (!tx.idTaken(table, candidate)) {
                return candidate;
            }
        }
        throw TokenctlException.failure("could not find a free id; try again", null);
    }

    public static boolean looksLikeId(String text) {
        return Limits.looksLikeId(text);
    }

    static String requireTokenId(String id) {
        return Limits.tokenId(id);
    }

    static String requireKeyId(String id) {
        return Limits.keyId(id);
    }
}
