package io.tokenctl.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The request values the API takes: plain data, so they cross HTTP unchanged. */
public final class Requests {
    private Requests() {
    }

    /** Bootstrap of an empty store: first org, first admin user and its all-access token. */
    public record Setup(String username, String org, boolean force) {
    }

    /**
     * A new token. {@code user} and {@code orgs} are names; null or empty means the caller's own user and org.
     * {@code orgs} is a static scope, {@code allOrgs} the owner's orgs now and later; {@code allAccess} and
     * {@code permissions} exclude each other.
     */
    public record CreateToken(
            String description,
            String user,
            List<String> orgs,
            boolean allOrgs,
            boolean account,
            boolean allAccess,
            List<Permission> permissions,
            Expiry expires,
            TokenFormat format,
            AppState appDefault,
            List<String> allowIPs,
            TokenStatus status) {
        public CreateToken {
            format = format == null ? TokenFormat.OPAQUE : format;
            appDefault = appDefault == null ? AppState.ALLOW : appDefault;
            allowIPs = listOf("allowIPs", allowIPs);
            orgs = listOf("orgs", orgs);
            permissions = listOf("permissions", permissions);
            expires = expires == null ? Expiry.NEVER : expires;
            status = status == null ? TokenStatus.ACTIVE : status;
        }

        /** A new active token. */
        public CreateToken(String description, String user, List<String> orgs, boolean allOrgs, boolean account,
                boolean allAccess, List<Permission> permissions, Expiry expires, TokenFormat format, AppState appDefault,
                List<String> allowIPs) {
            this(description, user, orgs, allOrgs, account, allAccess, permissions, expires, format, appDefault, allowIPs,
                    TokenStatus.ACTIVE);
        }
    }

    /** A list a request holds: none is empty; a null in it is refused, naming the field (it came over the wire). */
    static <T> List<T> listOf(String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        for (T v : values) {
            if (v == null) {
                throw TokenctlException.usage(field + " holds a null; give values only");
            }
        }
        return List.copyOf(values);
    }

    /**
     * Filters and a page of the listing; {@code after} is the last id of the previous page; {@code limit} null
     * means {@link #DEFAULT_LIMIT}.
     */
    public record ListTokens(String user, String org, TokenStatus status, Duration expiringWithin, Integer limit,
            String after) {
        public static final int DEFAULT_LIMIT = 100;
        public static final int MAX_LIMIT = 10_000;
    }

    /**
     * Changes to a token's metadata, in one step: a null field stays as it is, and at least one is given.
     * {@code status} is active or inactive (as InfluxDB's PATCH takes it); {@code owner} a user's name or id.
     * Permissions never change.
     */
    public record UpdateToken(String id, String description, Expiry expires, String owner, TokenStatus status) {
        public UpdateToken(String id, String description, Expiry expires, String owner) {
            this(id, description, expires, owner, null);
        }
    }

    /**
     * New secret for the same token. The old secret dies at once, after {@code grace},
     * or at {@code oldExpiresAt}; at most one of the two is set.
     */
    public record Regenerate(String id, Duration grace, Instant oldExpiresAt, boolean revokeOnReuse) {
    }

    /** A new token with a new id and, when {@code permissions} is null, the original's permissions. */
    public record CloneToken(String id, String description, List<Permission> permissions, boolean allAccess) {
        public CloneToken {
            permissions = permissions == null ? null : listOf("permissions", permissions);
        }
    }

    /** Cuts org {@code org} (a name) out of token {@code id}'s reach. */
    public record RevokeOrg(String id, String org) {
    }

    /** Adds a user to an org with a role, creating the user when the name is new. */
    public record CreateUser(String name, String org, Role role) {
    }

    /** Deletes a user (retiring every user token it owns), or with {@code org} only its membership there. */
    public record DeleteUser(String name, String org) {
    }

    /** Members of one org (by name), or of every org the caller can see when null. */
    public record ListUsers(String org) {
    }

    /** A page of the audit log, oldest first; null fields don't filter; {@code limit} null means 100. */
    /** {@code newestFirst}: the page runs back in time, and {@code after} is the event to start before. */
    public record ListAudit(Instant since, String actor, String target, Integer limit, Long after, boolean newestFirst) {
        public static final int DEFAULT_LIMIT = 100;

        public ListAudit(Instant since, String actor, String target, Integer limit, Long after) {
            this(since, actor, target, limit, after, false);
        }
    }

    /**
     * "Is this token good for this use?" The presented token travels only in this value (stdin or a request
     * body), never on argv. Null {@code app} / {@code ip} mean none was given; {@code require} may be empty.
     * {@code org} (name or id) is the org the use is in; null means the token's home org.
     */
    public record Verify(String token, String app, String ip, List<Permission> require, String org) {
        public Verify {
            require = listOf("require", require);
        }

        public Verify(String token, String app, String ip, List<Permission> require) {
            this(token, app, ip, require, null);
        }

        @Override
        public String toString() {
            return "Verify[token=<redacted>, app=" + app + ", ip=" + ip + ", require=" + require + ", org=" + org + "]";
        }
    }

    /** A presented secret (from stdin): which token is it? */
    public record FindSecret(String token) {
        @Override
        public String toString() {
            return "FindSecret[token=<redacted>]";
        }
    }

    /** Approve or deny an app's use of a token. */
    public record SetAppState(String id, String app, AppState state) {
    }
}
