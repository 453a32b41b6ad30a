package io.tokenctl.core;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Ids of tokens, users and orgs: 16 lowercase hex digits, 11 of creation time in milliseconds (good to the
 * year 2527) and 5 random, so they sort by creation and page with {@code --after}. Never derived from a secret;
 * callers retry on the rare collision within one millisecond.
 */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

    private Ids() {
    }

    public static String next(Instant now, SecureRandom random) {
        return String.format("%011x%05x", now.toEpochMilli() & 0xfffffffffffL, random.nextInt(1 << 20));
    }

    public static boolean looksLikeId(String text) {
        return text != null && ID.matcher(text).matches();
    }
}
