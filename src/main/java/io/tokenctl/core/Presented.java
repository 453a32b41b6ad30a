package io.tokenctl.core;

import java.util.HexFormat;

/**
 * A token as someone presented it: an opaque {@code tctl_} secret with a valid checksum, something shaped like
 * a JWT, or neither. Classifying needs no store: a typo or a fake is refused offline. Holds the SHA-256 of the
 * text; the hex form (what the store keys on) is made only when needed.
 */
final class Presented {
    enum Kind { OPAQUE, JWT, MALFORMED }

    /** The full 256-bit digest as a map key: equal only for equal digests. */
    record Key(long a, long b, long c, long d) {
    }

    private static final Presented MALFORMED = new Presented(Kind.MALFORMED, null, null);

    private final Kind kind;
    private final String text;
    private final byte[] digest;
    private String hash;

    private Presented(Kind kind, String text, byte[] digest) {
        this.kind = kind;
        this.text = text;
        this.digest = digest;
    }

    static Presented of(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.startsWith(Secrets.PREFIX)) {
            byte[] ascii = Secrets.asciiIfWellFormed(text);
            return ascii == null ? MALFORMED : new Presented(Kind.OPAQUE, text, Secrets.digest(ascii));
        }
        if (Jwt.looksLikeJwt(text)) {
            return new Presented(Kind.JWT, text, Secrets.digest(text));
        }
        return MALFORMED;
    }

    Kind kind() {
        return kind;
    }

    /** The presented secret itself: only for checking a JWT's signature, never for output. */
    String text() {
        return text;
    }

    /** SHA-256, hex: what the store looks up. */
    String hash() {
        if (hash == null) {
            hash = HexFormat.of().formatHex(digest);
        }
        return hash;
    }

    Key key() {
        return new Key(word(0), word(8), word(16), word(24));
    }

    private long word(int at) {
        long v = 0;
        for (int i = at; i < at + 8; i++) {
            v = (v << 8) | (digest[i] & 0xff);
        }
        return v;
    }

    @Override
    public String toString() {
        return "Presented[" + kind + "]";
    }
}
