package io.tokenctl.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** Whether an app may use a token (seed 000): allow passes, pending answers 401, deny 403. */
public enum AppState {
    ALLOW, PENDING, DENY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static AppState fromJson(String text) {
        return fromWire("state", text);
    }

    public static AppState fromWire(String flag, String text) {
        for (AppState s : values()) {
            if (s.wire().equals(text)) {
                return s;
            }
        }
        throw TokenctlException.usage(flag + ": \"" + text + "\" is not valid; use allow, pending or deny");
    }
}
