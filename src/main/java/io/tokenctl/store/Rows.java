package io.tokenctl.store;

import io.tokenctl.api.Permission;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenStatus;
import java.time.Instant;
import java.util.List;

/** Rows as the store reads and writes them. Times are instants; null expiresAt means never. */
public final class Rows {
    private Rows() {
    }

    public record OrgRow(String id, String name, Instant createdAt) {
    }

    public record UserRow(String id, String name, Instant createdAt) {
    }

    public record MembershipRow(String userId, String orgId, String orgName, String role) {
    }

    /** A token with its owner's and org's names and the hash of its current secret (null if none). */
    public record TokenRow(
            String id,
            TokenKind kind,
            String userId,
            String userName,
            String orgId,
            String orgName,
            String description,
            TokenStatus status,
            List<Permission> permissions,
            Instant expiresAt,
            Instant createdAt,
            Instant updatedAt,
            String createdBy,
            String hash) {
    }

    /** A stored secret hash; {@code notAfter} null for the current secret, set for a superseded one. */
    public record SecretRow(String hash, String tokenId, Instant notAfter) {
    }

    /** Filters for a page of tokens. Null fields don't filter; {@code orgIds} null means every org. */
    public record TokenFilter(List<String> orgIds, String userId, TokenStatus status, Instant now, String after, int limit) {
    }

    public record AuditRow(
            Instant at,
            String actorTokenId,
            String actorUser,
            String orgId,
            String action,
            String target,
            String outcome,
            String reason) {
    }
}
