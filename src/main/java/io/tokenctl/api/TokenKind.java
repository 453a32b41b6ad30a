package io.tokenctl.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** A user token belongs to a user; an account token belongs to the org and outlives any user. */
public enum TokenKind {
    USER, ACCOUNT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TokenKind fromWire(String text) {
        return switch (text) {
            case "user" -> USER;
            case "account" -> ACCOUNT;
            default -> throw TokenctlException.usage("kind \"" + text + "\" is not valid; use user or account");
        };
    }
}
