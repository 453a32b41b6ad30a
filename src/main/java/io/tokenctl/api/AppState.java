package io.tokenctl.api;

import java.util.Locale;

/** Whether an app may use a token (seed 000): allow passes, pending answers 401, deny 403. */
public enum AppState {
    ALLOW, PENDING, DENY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
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
