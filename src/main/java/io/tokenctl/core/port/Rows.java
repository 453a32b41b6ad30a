package io.tokenctl.core.port;

import io.tokenctl.api.AppState;
import io.tokenctl.api.Permission;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenFormat;
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

    /** A user's membership with the org's name, or an org member with the user's name. */
    public record MemberRow(String userId, String userName, String orgId, String orgName, String role) {
    }

    /**
     * A token with its owner's and home org's names and the hash of its current secret (null if none).
     * {@code allOrgs}: its scope is every org its owner belongs to but {@code excludedOrgIds}; else the static
     * scope in token_orgs. {@code deactivatedBy} names who deactivated it; {@code deactivatedAbove}, that it was
     * someone above its owner. {@code expiresAtMost}: the latest expiry it may ever be given (what the token that
     * made it could grant: that token's own expiry then), or null for no bound.
     */
    public record TokenRow(
            String id,
            TokenKind kind,
            String userId,
            String userName,
            String orgId,
            String orgName,
            boolean allOrgs,
            List<String> scopeOrgIds,
            String description,
            TokenStatus status,
            String retiredReason,
            List<Permission> permissions,
            Instant expiresAt,
            Instant expiresAtMost,
            Instant createdAt,
            Instant updatedAt,
            String createdBy,
            String hash,
            TokenFormat format,
            AppState appDefault,
            List<String> allowIps,
            boolean revokeOnReuse,
            long verifyCount,
            Instant lastUsedAt,
            String lastUsedIp,
            String lastUsedApp,
            List<String> excludedOrgIds,
            String deactivatedBy,
            boolean deactivatedAbove) {
    }

    /** Uses of one token since the last flush: how many, and the latest one's time, address and app. */
    public record UseRow(String tokenId, long count, Instant at, String ip, String app) {
    }

    /** An app seen using a token. */
    public record AppRow(String tokenId, String app, AppState state, Instant firstSeen, Instant lastSeen) {
    }

    /** An org's Ed25519 signing key pair, base64url-encoded raw keys. */
    public record OrgKeyRow(String kid, String orgId, String privateKey, String publicKey, Instant createdAt) {
    }

    /** A stored secret hash; {@code notAfter} null for the current secret, set for a superseded one. */
    public record SecretRow(String hash, String tokenId, Instant notAfter) {
    }

    /**
     * A page of tokens a caller may see: every token whose home org is in {@code adminOrgIds}, and the user
     * tokens of {@code ownUserId} whose home org is in {@code memberOrgIds}. The other fields narrow it; null
     * doesn't filter.
     */
    public record TokenFilter(
            List<String> adminOrgIds,
            String ownUserId,
            List<String> memberOrgIds,
            String userId,
            String orgId,
            TokenStatus status,
            Instant expiresBefore,
            Instant now,
            String after,
            int limit) {
    }

    /** A page of audit events in the given orgs, oldest first; null fields don't filter. */
    /** {@code newestFirst}: the page runs back from {@code afterSeq} (exclusive), newest first. */
    public record AuditFilter(List<String> orgIds, Instant since, String actor, String target, Long afterSeq, int limit,
            boolean newestFirst) {
    }

    public record AuditRow(
            Long seq,
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
