package io.tokenctl.api;

import java.util.Locale;

/** An opaque {@code tctl_} secret, or an Ed25519-signed JWT (seed 004). */
public enum TokenFormat {
    OPAQUE, JWT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenFormat fromWire(String flag, String text) {
        for (TokenFormat f : values()) {
            if (f.wire().equals(text)) {
                return f;
            }
        }
        throw TokenctlException.usage(flag + ": \"" + text + "\" is not valid; use opaque or jwt");
    }
}
