package io.tokenctl.core;

import io.tokenctl.api.Limits;
import io.tokenctl.api.Action;
import io.tokenctl.api.Permission;
import io.tokenctl.api.ResourceType;
import io.tokenctl.api.TokenctlException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Rules over permission sets: all-access, containment (no escalation), canonical text and descriptions. */
public final class Permissions {
    private static final List<Permission> ALL;

    static {
        List<Permission> all = new ArrayList<>();
        for (ResourceType t : ResourceType.values()) {
            all.add(Permission.all(Action.READ, t));
            all.add(Permission.all(Action.WRITE, t));
        }
        ALL = List.copyOf(all);
    }

    private Permissions() {
    }

    /** Every permission in the org: what {@code --all-access} grants. */
    public static List<Permission> allAccess() {
        return ALL;
    }

    /** Sorted, without duplicates, and without an id-scoped permission its type-wide twin already covers. */
    public static List<Permission> normalize(Collection<Permission> permissions) {
        TreeSet<Permission> sorted = new TreeSet<>(permissions);
        List<Permission> out = new ArrayList<>();
        for (Permission p : sorted) {
            if (p.resourceId() == null || !sorted.contains(Permission.all(p.action(), p.type()))) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    public static boolean allows(Collection<Permission> held, Permission wanted) {
        for (Permission h : held) {
            if (h.covers(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** The first of {@code wanted} that {@code held} does not cover, or null when all are covered. */
    public static Permission firstNotAllowed(Collection<Permission> held, Collection<Permission> wanted) {
        for (Permission w : wanted) {
            if (!allows(held, w)) {
                return w;
            }
        }
        return null;
    }

    public static boolean isAllAccess(Collection<Permission> permissions) {
        return firstNotAllowed(permissions, ALL) == null;
    }

    /** A description made from the permissions, as InfluxDB does: "Read buckets 0a1b Write dashboards". */
    public static String describe(Collection<Permission> permissions) {
        List<Permission> normal = normalize(permissions);
        if (isAllAccess(normal)) {
            return "All access";
        }
        StringBuilder sb = new StringBuilder();
        for (Permission p : normal) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            String action = p.action().wire();
            sb.append(Character.toUpperCase(action.charAt(0))).append(action.substring(1).toLowerCase(Locale.ROOT))
                    .append(' ').append(p.type().wire());
            if (p.resourceId() != null) {
                sb.append(' ').append(p.resourceId());
            }
        }
        return Limits.truncateDescription(sb.toString());
    }

    /** Checks the requested set is usable; returns it normalized. */
    public static List<Permission> requireSome(Collection<Permission> permissions) {
        if (permissions.isEmpty()) {
            throw TokenctlException.usage("a token needs at least one permission: all access, or some such as"
                    + " read:buckets");
        }
        return normalize(permissions);
    }
}
