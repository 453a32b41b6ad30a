package io.tokenctl.core;

import io.tokenctl.api.Action;
import io.tokenctl.api.Permission;
import io.tokenctl.api.ResourceType;
import io.tokenctl.api.Role;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The most a role may hold in an org: admin all; normal all but write on users and orgs; read-only read all. */
final class Ceilings {
    private static final Map<Role, List<Permission>> CEILINGS = new EnumMap<>(Role.class);

    static {
        for (Role role : Role.values()) {
            List<Permission> c = new ArrayList<>();
            for (ResourceType t : ResourceType.values()) {
                c.add(Permission.all(Action.READ, t));
                boolean write = switch (role) {
                    case ADMIN -> true;
                    case NORMAL -> t != ResourceType.USERS && t != ResourceType.ORGS;
                    case READ_ONLY -> false;
                };
                if (write) {
                    c.add(Permission.all(Action.WRITE, t));
                }
            }
            CEILINGS.put(role, List.copyOf(c));
        }
    }

    private Ceilings() {
    }

    static List<Permission> of(Role role) {
        return CEILINGS.get(role);
    }

    /** The part of {@code permissions} the role allows. */
    static List<Permission> within(Role role, List<Permission> permissions) {
        List<Permission> out = new ArrayList<>();
        for (Permission p : permissions) {
            if (Permissions.allows(of(role), p)) {
                out.add(p);
            }
        }
        return out;
    }
}
