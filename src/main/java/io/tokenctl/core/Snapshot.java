package io.tokenctl.core;

import io.tokenctl.api.Cidr;
import io.tokenctl.api.AppState;
import io.tokenctl.api.Permission;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.core.port.Rows.AppRow;
import io.tokenctl.core.port.Rows.OrgKeyRow;
import io.tokenctl.core.port.Rows.SecretRow;
import io.tokenctl.core.port.Rows.TokenRow;
import io.tokenctl.core.port.StoreTx;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a verify of one presented secret reads, loaded in one transaction: its secret row, token, JWT key
 * check, org scope with roles, effective permissions per org, known apps and allowed networks (parsed once).
 * Immutable, so it can be cached briefly.
 */
record Snapshot(
        SecretRow secret,
        TokenRow row,
        String jwtProblem,
        Map<String, Caller.OrgAccess> scope,
        List<String> orgIds,
        Map<String, List<Permission>> effectiveByOrg,
        Map<String, AppState> apps,
        List<Cidr> networks,
        Instant loadedAt) {

    /**
     * The org a use is judged in: the one asked for (by id or name) if the token reaches it, else none (null);
     * by default the home org, or the first it reaches when its owner left the home org.
     */
    String useOrg(String asked) {
        if (asked == null) {
            return scope.containsKey(row.orgId()) ? row.orgId() : orgIds.isEmpty() ? null : orgIds.get(0);
        }
        for (Caller.OrgAccess a : scope.values()) {
            if (a.orgId().equals(asked) || a.orgName().equals(asked)) {
                return a.orgId();
            }
        }
        return null;
    }

    /** Everything a verify reads. */
    static Snapshot load(StoreTx tx, Presented p, Instant now) {
        return load(tx, p, now, true);
    }

    /** What authenticating an operator reads: the same, less the apps (operators present no app). */
    static Snapshot loadForOperator(StoreTx tx, Presented p, Instant now) {
        return load(tx, p, now, false);
    }

    /** The stored secret a presented one hashes to, or null: the one lookup of a secret, compared in constant time. */
    static SecretRow secretOf(StoreTx tx, Presented p) {
        return tx.findSecret(p.hash()).filter(s -> Secrets.sameHash(s.hash(), p.hash())).orElse(null);
    }

    private static Snapshot load(StoreTx tx, Presented p, Instant now, boolean withApps) {
        SecretRow secret = secretOf(tx, p);
        TokenRow row = secret == null ? null : tx.findToken(secret.tokenId()).orElse(null);
        if (row == null) {
            return new Snapshot(null, null, null, Map.of(), List.of(), Map.of(), Map.of(), List.of(), now);
        }
        String jwtProblem = row.format() == TokenFormat.JWT ? jwtProblem(tx, p.text(), row) : null;
        Map<String, Caller.OrgAccess> scope = Authenticator.scope(tx, row);
        Map<String, List<Permission>> byOrg = new java.util.LinkedHashMap<>();
        scope.values().forEach(a -> {
            List<Permission> inOrg = List.copyOf(Ceilings.within(a.role(), row.permissions()));
            byOrg.put(a.orgId(), inOrg);
        });
        Map<String, AppState> apps = new java.util.HashMap<>();
        if (withApps) {
            for (AppRow a : tx.apps(row.id())) {
                apps.put(a.app(), a.state());
            }
        }
        return new Snapshot(secret, row, jwtProblem, Map.copyOf(scope), List.copyOf(scope.keySet()),
                Map.copyOf(byOrg), Map.copyOf(apps), row.allowIps().stream().map(c -> Cidr.parse("allow-ip", c)).toList(),
                now);
    }

    private static String jwtProblem(StoreTx tx, String jwt, TokenRow row) {
        Jwt.Claims claims = Jwt.peek(jwt);
        if (claims == null) {
            return "token " + row.id() + " is not a readable JWT";
        }
        if (!row.orgId().equals(claims.org())) {
            // its home moved when the org that signed it was cut out of its reach (revoke-org): that org governs it
            // no more, so removing its key must not end the token elsewhere (the lookup by hash already binds the
            // exact text to this token)
            return null;
        }
        OrgKeyRow key = tx.findOrgKey(claims.kid()).filter(k -> k.orgId().equals(row.orgId())).orElse(null);
        if (key == null) {
            return "the key " + claims.kid() + " that signed token " + row.id() + " was removed";
        }
        return Jwt.signatureValid(jwt, key.publicKey()) ? null : "token " + row.id() + " has a bad signature";
    }
}
