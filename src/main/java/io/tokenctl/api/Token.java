package io.tokenctl.api;

import java.time.Instant;
import java.util.List;

/**
 * A token as anyone may see it: never its secret, only {@code hash} ("sha256:" and the first 16 hex digits).
 * {@code orgID} is its home org; {@code orgIDs} its static org scope, or empty when {@code allOrgs} (every org
 * its owner belongs to, now and later, but {@code excludedOrgIDs}, which their admins cut out). {@code expiresAt}
 * null means never. {@code deactivatedBy} names who deactivated an inactive token; {@code deactivatedAbove} says
 * it was someone above its owner, whose deactivation only their equals may lift.
 */
public record Token(
        String id,
        String description,
        TokenKind kind,
        TokenStatus status,
        String userID,
        String user,
        String orgID,
        String org,
        boolean allOrgs,
        List<String> orgIDs,
        List<Permission> permissions,
        String hash,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        String retiredReason,
        TokenFormat format,
        AppState appDefault,
        List<String> allowIPs,
        boolean revokeOnReuse,
        long useCount,
        Instant lastUsedAt,
        String lastUsedIP,
        String lastUsedApp,
        List<String> excludedOrgIDs,
        String deactivatedBy,
        boolean deactivatedAbove) {

    public Token {
        permissions = List.copyOf(permissions);
        orgIDs = List.copyOf(orgIDs);
        allowIPs = List.copyOf(allowIPs);
        excludedOrgIDs = List.copyOf(excludedOrgIDs);
    }
}
