package io.tokenctl.api;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The shape of a tokenctl secret, checkable by anyone with no store: {@code tctl_} + 30 random base62 characters
 * + 6 base62 characters of checksum.
 *
 * <p>Base62 alphabet: {@code 0-9A-Za-z} in that order. The checksum is CRC32 over the ASCII bytes of
 * the first 35 characters (prefix and random part), written in base62, most significant digit first,
 * left-padded with '0' to 6 characters. A typo, a truncation or a made-up string fails it offline.
 */
public final class SecretShape {
    public static final String PREFIX = "tctl_";
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public static final int RANDOM_CHARS = 30;
    public static final int CHECK_CHARS = 6;
    public static final int LENGTH = PREFIX.length() + RANDOM_CHARS + CHECK_CHARS;

    private SecretShape() {
    }

    /** True when {@code text} has the shape and a matching checksum: a typo or a fake fails here, offline. */
    public static boolean wellFormed(CharSequence text) {
        return asciiIfWellFormed(text) != null;
    }

    /** The secret's ASCII bytes when it is well formed (shape and checksum), else null; no store involved. */
    public static byte[] asciiIfWellFormed(CharSequence text) {
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

    public static String checksum(CharSequence body) {
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
}
