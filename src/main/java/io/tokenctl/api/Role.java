package io.tokenctl.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.annotation.JsonCreator;
/** A user's role in one org: admin, normal or read-only. What each may hold is a rule in core. */
public enum Role {
    ADMIN("admin"), NORMAL("normal"), READ_ONLY("read-only");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static Role fromWire(String text) {
        for (Role r : values()) {
            if (r.wire.equals(text)) {
                return r;
            }
        }
        throw TokenctlException.usage("role \"" + text + "\" is not valid; use admin, normal or read-only");
    }
}
