package io.tokenctl.core;

import io.tokenctl.api.Limits;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.store.StoreTx;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Ids of tokens, users and orgs: 16 lowercase hex digits, 11 of creation time in milliseconds (good to the
 * year 2527) and 5 random, so they sort by creation and page with {@code --after}. Never derived from a secret.
 * Two ids made in the same millisecond collide once in about a million pairs: {@link #fresh} tries again.
 */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

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
        return text != null && ID.matcher(text).matches();
    }

    /**
     * Checks a token id a caller gave, before anything is looked up or audited. 16 lowercase hex digits go on; so
     * does a secret pasted where an id belongs, which the lookup refuses as "not found" with the secret redacted.
     * A value holding control or formatting characters, or longer than any name, is a usage error quoting it
     * escaped and cut short. Any other value is "not found" at once: no token has an id of that shape.
     */
    static String requireTokenId(String id) {
        return require("token", id);
    }

    /** The same check for the id of an org's signing key. */
    static String requireKeyId(String id) {
        return require("key", id);
    }

    private static String require(String what, String id) {
        if (looksLikeId(id)) {
            return id;
        }
        if (id == null || id.isEmpty()) {
            throw TokenctlException.usage("no " + what + " id given; a " + what + " id is 16 lowercase hex digits,"
                    + " e.g. 0190a1b2c3d4e5f6");
        }
        if ("<redacted>".equals(io.tokenctl.api.Redact.secrets(id))) {
            return id; // a whole secret pasted where an id belongs: the lookup refuses it, redacted, as a leak
        }
        if (id.codePointCount(0, id.length()) > Limits.MAX_NAME || Limits.firstUnsafe(id) >= 0) {
            throw TokenctlException.usage(what + " id " + Limits.quoted(id) + " is not valid; a " + what
                    + " id is 16 lowercase hex digits, e.g. 0190a1b2c3d4e5f6");
        }
        throw TokenctlException.notFound("no " + what + " with id " + Limits.quoted(id) + " (" + what
                + " ids are 16 lowercase hex digits)");
    }
}
