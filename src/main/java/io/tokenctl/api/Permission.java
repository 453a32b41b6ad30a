package io.tokenctl.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An action on a resource type, optionally one resource id: {@code read:buckets}, {@code write:buckets/0a1b2c}.
 * Resource ids are opaque to tokenctl: only their length and characters are checked.
 */
public record Permission(Action action, ResourceType type, String resourceId) implements Comparable<Permission> {
    public static final int MAX_RESOURCE_ID = 64;
    private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9._~-]{1," + MAX_RESOURCE_ID + "}");

    public Permission {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(type, "type");
        if (resourceId != null) {
            checkResourceId(resourceId);
        }
    }

    public static Permission all(Action action, ResourceType type) {
        return new Permission(action, type, null);
    }

    public static void checkResourceId(String id) {
        if (!RESOURCE_ID.matcher(id).matches()) {
            throw TokenctlException.usage("resource id \"" + id + "\" is not valid; use 1-" + MAX_RESOURCE_ID
                    + " characters of letters, digits, '.', '_', '~' or '-'");
        }
    }

    /** Parses {@code read:buckets} or {@code write:buckets/ID}. */
    public static Permission parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw TokenctlException.usage("permission \"" + text
                    + "\" is not valid; use ACTION:TYPE[/ID], e.g. read:buckets or write:buckets/0a1b2c");
        }
        Action action = Action.fromWire(text.substring(0, colon));
        String rest = text.substring(colon + 1);
        int slash = rest.indexOf('/');
        ResourceType type = ResourceType.fromWire(slash < 0 ? rest : rest.substring(0, slash));
        return new Permission(action, type, slash < 0 ? null : rest.substring(slash + 1));
    }

    // Written out rather than generated: a record's generated equals and hashCode bootstrap
    // java.lang.runtime.ObjectMethods on first use, about 14 ms of every cold start (every command hashes the
    // operator token's permissions). Same meaning as the generated ones.
    @Override
    public boolean equals(Object o) {
        return o instanceof Permission p && action == p.action && type == p.type
                && Objects.equals(resourceId, p.resourceId);
    }

    @Override
    public int hashCode() {
        return (action.ordinal() * 31 + type.ordinal()) * 31 + Objects.hashCode(resourceId);
    }

    /** True when holding this permission allows {@code wanted}: same action and type, and all ids or the same id. */
    public boolean covers(Permission wanted) {
        return action == wanted.action && type == wanted.type
                && (resourceId == null || resourceId.equals(wanted.resourceId));
    }

    @Override
    public int compareTo(Permission o) {
        int c = type.compareTo(o.type);
        if (c == 0) {
            c = action.compareTo(o.action);
        }
        if (c == 0) {
            c = resourceId == null ? (o.resourceId == null ? 0 : -1)
                    : o.resourceId == null ? 1 : resourceId.compareTo(o.resourceId);
        }
        return c;
    }

    @Override
    public String toString() {
        return action.wire() + ":" + type.wire() + (resourceId == null ? "" : "/" + resourceId);
    }
}
