package io.tokenctl.core;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Ids of tokens, users and orgs: 16 lowercase hex digits, 8 of creation time in seconds and 8 random,
 * so they sort by creation and page with {@code --after}. Never derived from a secret.
 */
public final class Ids {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");

    private Ids() {
    }

    public static String next(Instant now, SecureRandom random) {
        return String.format("%08x%08x", now.getEpochSecond() & 0xffffffffL, random.nextInt());
    }

    public static boolean looksLikeId(String text) {
        return text != null && ID.matcher(text).matches();
    }
}
