package io.tokenctl.core;

import io.tokenctl.api.Token;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.core.port.Rows.TokenRow;
import java.time.Instant;

/** From stored rows to what callers see: derived status and the hash prefix, never more. */
final class Tokens {
    private Tokens() {
    }

    /** Whether the token's expiry has come (whatever its status): then it was revoked, for good. */
    static boolean hasExpired(TokenRow row, Instant now) {
        return row.expiresAt() != null && !now.isBefore(row.expiresAt());
    }

    /** Expired is derived from expiresAt at read time; no background job flips it. */
    static TokenStatus effectiveStatus(TokenRow row, Instant now) {
        if (row.status() == TokenStatus.ACTIVE && hasExpired(row, now)) {
            return TokenStatus.EXPIRED;
        }
        return row.status();
    }

    static Token view(TokenRow row, Instant now) {
        return new Token(row.id(), row.description(), row.kind(), effectiveStatus(row, now), row.userId(),
                row.userName(), row.orgId(), row.orgName(), row.allOrgs(),
                row.scopeOrgIds(), row.permissions(),
                row.hash() == null ? null : Secrets.display(row.hash()),
                row.createdAt(), row.updatedAt(), row.expiresAt(), row.retiredReason(), row.format(), row.appDefault(),
                row.allowIps(), row.revokeOnReuse(), row.verifyCount(), row.lastUsedAt(), row.lastUsedIp(), row.lastUsedApp(),
                row.excludedOrgIds(), row.status() == TokenStatus.INACTIVE ? row.deactivatedBy() : null,
                row.status() == TokenStatus.INACTIVE && row.deactivatedAbove());
    }
}
