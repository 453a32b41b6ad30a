package io.tokenctl.core;

/**
 * A token as someone presented it: an opaque {@code tctl_} secret with a valid checksum, something shaped like
 * a JWT, or neither. Classifying needs no store: a typo or a fake is refused offline.
 */
record Presented(Kind kind, String text, String hash) {
    enum Kind { OPAQUE, JWT, MALFORMED }

    static Presented of(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.startsWith(Secrets.PREFIX)) {
            return Secrets.wellFormed(text) ? new Presented(Kind.OPAQUE, text, Secrets.hash(text))
                    : new Presented(Kind.MALFORMED, null, null);
        }
        if (Jwt.looksLikeJwt(text)) {
            return new Presented(Kind.JWT, text, Secrets.hash(text));
        }
        return new Presented(Kind.MALFORMED, null, null);
    }

    @Override
    public String toString() {
        return "Presented[" + kind + "]";
    }
}
