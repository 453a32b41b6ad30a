package io.tokenctl.core;

import io.tokenctl.api.AppState;
import io.tokenctl.api.Role;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Rows.MemberRow;
import io.tokenctl.core.port.Rows.TokenRow;
import io.tokenctl.core.port.StoreTx;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a presented operator secret into a {@link Caller}, or refuses with "not authenticated". */
final class Authenticator {
    private Authenticator() {
    }

    /** Checks the secret's shape and checksum before any lookup: a typo never reaches the store. */
    static Presented presented(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw TokenctlException.unauthenticated("no operator token was presented");
        }
        Presented p = Presented.of(secret);
        if (p.kind() == Presented.Kind.MALFORMED) {
            throw TokenctlException.unauthenticated("the operator token is not a tokenctl token (expected tctl_ and 36"
                    + " letters or digits with a valid checksum, or a tokenctl JWT)");
        }
        return p;
    }

    static Caller authenticate(StoreTx tx, Presented presented, Instant now) {
        Snapshot snap = Snapshot.loadForOperator(tx, presented, now);
        Verifier.Identified who = Verifier.identify(snap, now);
        if (who.row() == null || who.refusal() != null) {
            // whoever presents a dead secret learns no more than of one never issued (the audit keeps the detail)
            throw TokenctlException.unauthenticated("the operator token is not valid here: " + Verifier.NOT_VALID);
        }
        TokenRow token = who.row();
        // the rules a verify applies to a client: an operator has no client address or app name to check them on
        if (!token.allowIps().isEmpty() || token.appDefault() != AppState.ALLOW) {
            throw TokenctlException.forbidden("token " + token.id() + " is limited to client networks or approved"
                    + " apps, which can't be checked for an operator; use an unrestricted token to manage tokens");
        }
        Map<String, Caller.OrgAccess> orgs = snap.scope();
        if (orgs.isEmpty()) {
            throw TokenctlException.unauthenticated("operator token " + token.id()
                    + " works in no org: its owner belongs to none of its orgs any more");
        }
        return new Caller(token.id(), token.kind(), token.userId(), token.userName(), token.orgId(), token.orgName(),
                token.permissions(), token.expiresAt(), orgs);
    }

    /**
     * The orgs a token works in, with the role it acts with in each: an account token acts as admin in its static
     * scope; a user token with its owner's role, in its static scope or (all-orgs) every org of the owner but those
     * cut out, and only where the owner is still a member.
     */
    static Map<String, Caller.OrgAccess> scope(StoreTx tx, TokenRow token) {
        Map<String, Caller.OrgAccess> out = new LinkedHashMap<>();
        List<String> statics = token.allOrgs() ? null : token.scopeOrgIds();
        if (token.kind() == TokenKind.ACCOUNT) {
            for (String orgId : statics) {
                tx.findOrg(orgId).ifPresent(o -> out.put(o.id(), new Caller.OrgAccess(o.id(), o.name(), Role.ADMIN)));
            }
            return out;
        }
        for (MemberRow m : tx.memberships(token.userId())) {
            boolean inScope = statics == null ? !token.excludedOrgIds().contains(m.orgId()) : statics.contains(m.orgId());
            if (inScope) {
                out.put(m.orgId(), new Caller.OrgAccess(m.orgId(), m.orgName(), Role.fromWire(m.role())));
            }
        }
        return out;
    }
}
