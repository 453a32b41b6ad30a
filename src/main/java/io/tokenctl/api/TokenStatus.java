package io.tokenctl.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** Stored status, plus {@code EXPIRED}, which is derived from expiresAt at read time and never stored. */
public enum TokenStatus {
    ACTIVE, INACTIVE, RETIRED, EXPIRED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TokenStatus fromWire(String text) {
        for (TokenStatus s : values()) {
            if (s.wire().equals(text)) {
                return s;
            }
        }
        throw TokenctlException.usage("status \"" + text + "\" is not valid; use active, inactive, retired or expired");
    }
}
