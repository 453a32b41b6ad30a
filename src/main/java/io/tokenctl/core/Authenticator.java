package io.tokenctl.core;

import io.tokenctl.api.Permission;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.store.Rows.MembershipRow;
import io.tokenctl.store.Rows.SecretRow;
import io.tokenctl.store.Rows.TokenRow;
import io.tokenctl.store.StoreTx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a presented operator secret into a {@link Caller}, or refuses with "not authenticated". */
final class Authenticator {
    private Authenticator() {
    }

    /** Checks the secret's shape and checksum before any lookup: a typo never reaches the store. */
    static String hashOf(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw TokenctlException.unauthenticated("no operator token: set TOKENCTL_TOKEN, pass --token-file FILE,"
                    + " or run `tokenctl setup` to save one in the active profile");
        }
        if (!Secrets.wellFormed(secret.strip())) {
            throw TokenctlException.unauthenticated("the operator token is not a tokenctl token (expected tctl_ and 36"
                    + " letters or digits with a valid checksum)");
        }
        return Secrets.hash(secret.strip());
    }

    static Caller authenticate(StoreTx tx, String hash, Instant now) {
        SecretRow secret = tx.findSecret(hash)
                .filter(s -> Secrets.sameHash(s.hash(), hash))
                .orElseThrow(() -> TokenctlException.unauthenticated("the operator token is not known to this store"));
        TokenRow token = tx.findToken(secret.tokenId())
                .orElseThrow(() -> TokenctlException.unauthenticated("the operator token is not known to this store"));
        if (secret.notAfter() != null && !now.isBefore(secret.notAfter())) {
            throw TokenctlException.unauthenticated("operator token " + token.id()
                    + " was regenerated and this old secret has expired");
        }
        TokenStatus status = Tokens.effectiveStatus(token, now);
        if (status != TokenStatus.ACTIVE) {
            throw TokenctlException.unauthenticated("operator token " + token.id() + " is " + status.wire());
        }
        Role role;
        if (token.kind() == TokenKind.ACCOUNT) {
            role = Role.ADMIN;
        } else {
            role = tx.memberships(token.userId()).stream()
                    .filter(m -> m.orgId().equals(token.orgId()))
                    .map(MembershipRow::role).map(Role::fromWire).findFirst()
                    .orElseThrow(() -> TokenctlException.unauthenticated("operator token " + token.id()
                            + " belongs to a user who is no longer in org " + token.orgName()));
        }
        List<Permission> effective = new ArrayList<>();
        for (Permission p : token.permissions()) {
            if (Permissions.allows(role.ceiling(), p)) {
                effective.add(p);
            }
        }
        return new Caller(token.id(), token.kind(), token.userId(), token.userName(), token.orgId(), token.orgName(),
                role, List.copyOf(effective));
    }
}
