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
     * A new token. {@code user} and {@code org} are names; null means the caller's own.
     * {@code allAccess} and {@code permissions} exclude each other.
     */
    public record CreateToken(
            String description,
            String user,
            String org,
            boolean account,
            boolean allAccess,
            List<Permission> permissions,
            Expiry expires) {
        public CreateToken {
            permissions = List.copyOf(permissions);
            expires = expires == null ? Expiry.NEVER : expires;
        }
    }

    /** Filters and a page of the listing; {@code after} is the last id of the previous page. */
    public record ListTokens(String user, String org, TokenStatus status, int limit, String after) {
        public static final int DEFAULT_LIMIT = 100;
        public static final int MAX_LIMIT = 10_000;
    }

    /** Changes to a token's metadata; a null field stays as it is. Permissions never change. */
    public record UpdateToken(String id, String description, Expiry expires) {
    }

    /**
     * New secret for the same token. The old secret dies at once, after {@code grace},
     * or at {@code oldExpiresAt}; at most one of the two is set.
     */
    public record Regenerate(String id, Duration grace, Instant oldExpiresAt) {
    }

    /** A new token with a new id and, when {@code permissions} is null, the original's permissions. */
    public record CloneToken(String id, String description, List<Permission> permissions, boolean allAccess) {
    }
}
