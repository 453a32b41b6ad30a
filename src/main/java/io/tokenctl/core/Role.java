package io.tokenctl.core;

import io.tokenctl.api.Action;
import io.tokenctl.api.Permission;
import io.tokenctl.api.ResourceType;
import io.tokenctl.api.TokenctlException;
import java.util.ArrayList;
import java.util.List;

/** A user's role in an org and the permission ceiling it maps to (DESIGN.md). */
public enum Role {
    ADMIN("admin"), NORMAL("normal"), READ_ONLY("read-only");

    private final String wire;
    private final List<Permission> ceiling;

    Role(String wire) {
        this.wire = wire;
        List<Permission> c = new ArrayList<>();
        for (ResourceType t : ResourceType.values()) {
            c.add(Permission.all(Action.READ, t));
            boolean write = switch (wire) {
                case "admin" -> true;
                case "normal" -> t != ResourceType.USERS && t != ResourceType.ORGS;
                default -> false;
            };
            if (write) {
                c.add(Permission.all(Action.WRITE, t));
            }
        }
        this.ceiling = List.copyOf(c);
    }

    public String wire() {
        return wire;
    }

    public List<Permission> ceiling() {
        return ceiling;
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
