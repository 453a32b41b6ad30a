package io.tokenctl.api;

/** A user's role in one org: admin, normal or read-only. What each may hold is a rule in core. */
public enum Role {
    ADMIN("admin"), NORMAL("normal"), READ_ONLY("read-only");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Role fromWire(String text) {
        for (Role r : values()) {
            if (r.wire.equals(text)) {
                return r;
            }
        }
        throw TokenctlException.usage("role \"" + text + "\" is not valid; use admin, normal or read-only");
    }
}
