package io.tokenctl.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * Token secrets: {@code tctl_} + 30 random base62 characters + 6 base62 characters of checksum.
 *
 * <p>Base62 alphabet: {@code 0-9A-Za-z} in that order. The checksum is CRC32 over the ASCII bytes of
 * the first 35 characters (prefix and random part), written in base62, most significant digit first,
 * left-padded with '0' to 6 characters. 30 uniform base62 characters carry 178.6 bits, so a fast hash
 * (SHA-256) is enough to store them (NIST SP 800-63B).
 */
public final class Secrets {
    public static final String PREFIX = "tctl_";
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final int RANDOM_CHARS = 30;
    static final int CHECK_CHARS = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_CHARS + CHECK_CHARS;

    private Secrets() {
    }

    public static String generate(SecureRandom random) {
        StringBuilder sb = new StringBuilder(LENGTH).append(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.append(checksum(sb)).toString();
    }

    /** True when {@code text} has the shape and a matching checksum: a typo or a fake fails here, offline. */
    public static boolean wellFormed(CharSequence text) {
        return asciiIfWellFormed(text) != null;
    }

    /** The secret's ASCII bytes when it is well formed (shape and checksum), else null; no store involved. */
    static byte[] asciiIfWellFormed(CharSequence text) {
        if (text == null || text.length() != LENGTH) {
            return null;
        }
        // a compact (Latin-1) string copies straight out; anything outside ASCII becomes '?', which is refused below
        byte[] ascii = text.toString().getBytes(StandardCharsets.US_ASCII);
        if (ascii.length != LENGTH) {
            return null; // a surrogate pair is two chars but one '?'
        }
        for (int i = 0; i < PREFIX.length(); i++) {
            if (ascii[i] != PREFIX.charAt(i)) {
                return null;
            }
        }
        long written = 0; // the checksum as written: 6 base62 digits, most significant first (62^6 > 2^32)
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            int digit = ascii[i] < 0 ? -1 : DIGIT[ascii[i]];
            if (digit < 0) {
                return null;
            }
            if (i >= PREFIX.length() + RANDOM_CHARS) {
                written = written * 62 + digit;
            }
        }
        CRC32 crc = new CRC32();
        crc.update(ascii, 0, PREFIX.length() + RANDOM_CHARS);
        return crc.getValue() == written ? ascii : null;
    }

    /** Each ASCII character's base62 value, or -1. */
    private static final byte[] DIGIT = new byte[128];

    static {
        java.util.Arrays.fill(DIGIT, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGIT[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    static String checksum(CharSequence body) {
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long v = crc.getValue();
        char[] out = new char[CHECK_CHARS];
        for (int i = CHECK_CHARS - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (v % 62));
            v /= 62;
        }
        return new String(out);
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    });

    /** SHA-256 of the secret, hex: the only form a secret is ever stored in. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(digest(secret));
    }

    static byte[] digest(String secret) {
        return digest(secret.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] digest(byte[] bytes) {
        return SHA256.get().digest(bytes);
    }

    /**
     * Loads the security providers SHA-256 comes from and seeds the system's generator (a one-off per JVM,
     * shared by every instance), so the first real digest or secret doesn't pay for it. Nothing is kept.
     */
    static void warmUp() {
        digest(new byte[0]);
        new SecureRandom().nextInt();
    }

    /** Constant-time comparison of two stored hashes. */
    public static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** What listings show instead of a secret. */
    public static String display(String hashHex) {
        return "sha256:" + hashHex.substring(0, 16);
    }
}
