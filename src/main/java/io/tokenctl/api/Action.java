package io.tokenctl.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonCreator;
public enum Action {
    READ, WRITE;

    @JsonValue
    public String wire() {
        return this == READ ? "read" : "write";
    }

    @JsonCreator
    public static Action fromWire(String text) {
        return switch (text) {
            case "read" -> READ;
            case "write" -> WRITE;
            default -> throw TokenctlException.usage("unknown action \"" + text + "\"; use read or write");
        };
    }
}
