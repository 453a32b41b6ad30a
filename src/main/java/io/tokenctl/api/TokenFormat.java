package io.tokenctl.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** An opaque {@code tctl_} secret, or an Ed25519-signed JWT (seed 004). */
public enum TokenFormat {
    OPAQUE, JWT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static TokenFormat fromJson(String text) {
        return fromWire("format", text);
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
