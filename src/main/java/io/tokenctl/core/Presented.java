package io.tokenctl.core;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A token as someone presented it: an opaque {@code tctl_} secret with a valid checksum, something shaped like
 * a JWT, or neither. Classifying needs no store: a typo or a fake is refused offline. Holds the SHA-256 of the
 * text; the hex form (what the store keys on) is made only when needed.
 */
final class Presented {
    enum Kind { OPAQUE, JWT, MALFORMED }

    /**
     * The full 256-bit digest as a map key: equal only for equal digests. It holds the digest, never the secret;
     * a digest is uniformly distributed, so its first four bytes are as good a hash code as any.
     */
    static final class Key {
        private final byte[] digest;
        private final int hash;

        private Key(byte[] digest) {
            this.digest = digest;
            this.hash = (digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8 | digest[3] & 0xff;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && hash == k.hash && Arrays.equals(digest, k.digest);
        }

        @Override
        public int hashCode() {
            return hash;
        }
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
        if (text.startsWith(io.tokenctl.api.SecretShape.PREFIX)) {
            byte[] ascii = io.tokenctl.api.SecretShape.asciiIfWellFormed(text);
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
        return new Key(digest);
    }

    @Override
    public String toString() {
        return "Presented[" + kind + "]";
    }
}
