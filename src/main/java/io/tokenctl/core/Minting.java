package io.tokenctl.core;

import io.tokenctl.api.Cidr;
import io.tokenctl.api.CreatedToken;
import io.tokenctl.api.AppState;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Role;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenFormat;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Rows.MemberRow;
import io.tokenctl.core.port.Rows.OrgKeyRow;
import io.tokenctl.core.port.Rows.OrgRow;
import io.tokenctl.core.port.Rows.SecretRow;
import io.tokenctl.core.port.Rows.TokenRow;
import io.tokenctl.core.port.Rows.UserRow;
import io.tokenctl.core.port.StoreTx;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Making a token (create, clone, setup) and handing one to a new owner, under the no-escalation rule: in every
 * org it reaches, a token gets no more than its creator holds there and no more than its owner's role allows.
 */
final class Minting {
    /**
     * What is to be made. {@code scope} is the static org list (empty when {@code allOrgs}); {@code excluded} the
     * orgs an all-orgs token no longer reaches.
     */
    record Plan(
            TokenKind kind,
            UserRow owner,
            OrgRow home,
            List<OrgRow> scope,
            boolean allOrgs,
            List<Permission> permissions,
            String description,
            Instant expiresAt,
            TokenFormat format,
            AppState appDefault,
            List<String> allowIps,
            List<String> excluded) {
    }

    record Minted(TokenRow row, CreatedToken created) {
    }

    private Minting() {
    }

    static List<Permission> permissionsOf(boolean allAccess, List<Permission> permissions) {
        if (allAccess) {
            if (!permissions.isEmpty()) {
                throw TokenctlException.usage("allAccess can't be combined with other permissions"
                        + " (got " + permissions.get(0) + "); give one or the other");
            }
            return Permissions.allAccess();
        }
        return Permissions.requireSome(permissions);
    }

    /** The owner of a new user token: the named live user, or the caller's own user. */
    static UserRow owner(StoreTx tx, Caller caller, String username) {
        if (username == null || (caller.kind() == TokenKind.USER && (username.equals(caller.userName())
                || username.equals(caller.userId())))) {
            if (caller.kind() != TokenKind.USER) {
                throw TokenctlException.usage("an account token owns no user tokens; name the user, or make an account token");
            }
            return new UserRow(caller.userId(), caller.userName(), null);
        }
        return Directory.findUser(tx, username)
                .orElseThrow(() -> TokenctlException.notFound("no user named \"" + username + "\""));
    }

    /** How the new token is used: its format, its default app state and its allowed client networks. */
    record Use(TokenFormat format, AppState appDefault, List<String> allowIps) {
        static final Use DEFAULT = new Use(TokenFormat.OPAQUE, AppState.ALLOW, List.of());

        /** Validated; networks kept as typed. */
        static Use of(TokenFormat format, AppState appDefault, List<String> allowIps) {
            for (String c : allowIps) {
                Cidr.parse("allowIPs", c);
            }
            return new Use(format, appDefault, List.copyOf(allowIps));
        }
    }

    /** A new token's plan; {@code excluded} are orgs an all-orgs token is never to reach (a clone keeps its source's). */
    static Plan plan(StoreTx tx, Caller caller, TokenKind kind, UserRow owner, List<String> orgNames, boolean allOrgs,
            List<String> excluded, List<Permission> permissions, String description, Instant expiresAt, Use use) {
        String desc = description != null ? description : Permissions.describe(permissions);
        if (allOrgs) {
            List<OrgRow> targets = ownerOrgs(tx, owner, excluded);
            if (targets.isEmpty()) {
                throw TokenctlException.notFound("user " + owner.name() + " belongs to no org");
            }
            OrgRow home = targets.stream().filter(o -> o.id().equals(caller.homeOrgId())).findFirst()
                    .orElse(targets.get(0));
            return new Plan(kind, owner, home, List.of(), true, permissions, desc, expiresAt, use.format(),
                    use.appDefault(), use.allowIps(), List.copyOf(excluded));
        }
        Map<String, OrgRow> scope = new LinkedHashMap<>();
        for (String name : orgNames.isEmpty() ? List.of(caller.homeOrgName()) : orgNames) {
            OrgRow org = Directory.findOrg(tx, name)
                    .orElseThrow(() -> TokenctlException.notFound("no org named \"" + name + "\""));
            scope.put(org.id(), org);
        }
        List<OrgRow> orgs = List.copyOf(scope.values());
        return new Plan(kind, owner, orgs.get(0), orgs, false, permissions, desc, expiresAt, use.format(),
                use.appDefault(), use.allowIps(), List.of());
    }

    private static List<OrgRow> ownerOrgs(StoreTx tx, UserRow owner) {
        return ownerOrgs(tx, owner, List.of());
    }

    /** The owner's orgs, less those cut out of an all-orgs token's reach. */
    private static List<OrgRow> ownerOrgs(StoreTx tx, UserRow owner, List<String> excluded) {
        List<OrgRow> out = new ArrayList<>();
        for (MemberRow m : tx.memberships(owner.id())) {
            if (!excluded.contains(m.orgId())) {
                out.add(new OrgRow(m.orgId(), m.orgName(), null));
            }
        }
        return out;
    }

    /** Every org a plan reaches. */
    private static List<OrgRow> orgsOf(StoreTx tx, Plan plan) {
        return plan.allOrgs() ? ownerOrgs(tx, plan.owner(), plan.excluded()) : plan.scope();
    }

    /** Checks the plan against the caller and the owner in every org it reaches; refuses naming what is too high. */
    static void authorize(StoreTx tx, Caller caller, Plan plan) {
        Map<String, Role> ownerRoles = new LinkedHashMap<>();
        if (plan.owner() != null) {
            for (MemberRow m : tx.memberships(plan.owner().id())) {
                ownerRoles.put(m.orgId(), Role.fromWire(m.role()));
            }
        }
        boolean forSomeoneElse = plan.owner() != null && !plan.owner().id().equals(caller.userId());
        for (OrgRow org : orgsOf(tx, plan)) {
            if (!caller.orgs().containsKey(org.id())) {
                throw TokenctlException.forbidden("the operator token has no access to org " + org.name());
            }
            List<Permission> held = caller.effective(org.id());
            if (!Permissions.allows(held, Visibility.WRITE_TOKENS)) {
                throw TokenctlException.forbidden("the operator token can't create tokens in org " + org.name()
                        + ": it needs write:authorizations");
            }
            if (plan.kind() == TokenKind.ACCOUNT && !caller.isAdmin(org.id())) {
                throw TokenctlException.forbidden("only admins of org " + org.name() + " create account tokens");
            }
            if (forSomeoneElse && !caller.isAdmin(org.id())) {
                throw TokenctlException.forbidden("only admins of org " + org.name() + " create tokens for other users");
            }
            Permission tooHigh = Permissions.firstNotAllowed(held, plan.permissions());
            if (tooHigh != null) {
                throw TokenctlException.forbidden("cannot grant " + tooHigh + " in org " + org.name()
                        + ": the operator token does not hold it");
            }
            if (plan.owner() != null) {
                requireWithinRole(plan.owner().name(), org, ownerRoles.get(org.id()), plan.permissions());
            }
        }
    }

    /**
     * The plan an existing token stands for, as if it were made now with the given kind and owner: its
     * permissions and the orgs it reaches (an all-orgs scope resolved to the owner's orgs for an account token).
     */
    static Plan planOf(StoreTx tx, TokenRow row, TokenKind kind, UserRow owner) {
        OrgRow home = tx.findOrg(row.orgId()).orElseThrow();
        List<OrgRow> scope = new ArrayList<>();
        boolean allOrgs = row.allOrgs() && kind == TokenKind.USER;
        if (row.allOrgs() && !allOrgs) {
            scope.addAll(ownerOrgs(tx, new UserRow(row.userId(), row.userName(), null), row.excludedOrgIds()));
        } else if (!row.allOrgs()) {
            row.scopeOrgIds().forEach(id -> scope.add(tx.findOrg(id).orElseThrow()));
        }
        return new Plan(kind, owner, home, scope, allOrgs, row.permissions(), row.description(), row.expiresAt(),
                row.format(), row.appDefault(), row.allowIps(), row.excludedOrgIds());
    }

    /**
     * Giving a token's power out again (regenerate, activate, approve an app, set its life) is checked like
     * making it: the caller must hold all of it in every org it reaches, be admin there unless it owns it, and
     * the token, living until {@code expiresAt} (null: never) after this, must not outlive the caller's own.
     */
    static void requireCanReissue(StoreTx tx, Caller caller, TokenRow row, Instant expiresAt) {
        UserRow owner = row.kind() == TokenKind.ACCOUNT ? null : new UserRow(row.userId(), row.userName(), null);
        authorize(tx, caller, planOf(tx, row, row.kind(), owner));
        requireLivesWithin(caller, expiresAt);
    }

    /** The owner must be in the org, and its role there must allow every permission. */
    static void requireWithinRole(String user, OrgRow org, Role role, List<Permission> permissions) {
        if (role == null) {
            throw TokenctlException.notFound("user " + user + " is not in org " + org.name());
        }
        Permission tooHigh = Permissions.firstNotAllowed(Ceilings.of(role), permissions);
        if (tooHigh != null) {
            throw TokenctlException.forbidden("cannot grant " + tooHigh + " to " + user + ": a " + role.wire()
                    + " user of org " + org.name() + " may not hold it");
        }
    }

    /**
     * Makes the token {@code plan} says, as {@code caller}: within what the caller holds, and living no longer
     * than the caller's own token. {@code atMost}: a further bound on its expiry (a clone's source's), or null.
     */
    static Minted mint(StoreTx tx, Caller caller, Plan plan, Instant atMost, Instant now, SecureRandom random) {
        authorize(tx, caller, plan);
        requireLivesWithin(caller, plan.expiresAt());
        return insert(tx, plan, caller.tokenId(), earlier(atMost, caller.tokenExpiresAt()), now, random);
    }

    /**
     * No token outlives the operator token that makes it or gives it more time, as a Vault child token can't
     * outlive its parent: with an operator token that expires, a new expiry must come at or before it.
     */
    static void requireLivesWithin(Caller caller, Instant expiresAt) {
        Instant mine = caller.tokenExpiresAt();
        if (mine != null && (expiresAt == null || expiresAt.isAfter(mine))) {
            throw TokenctlException.forbidden("expires: " + (expiresAt == null ? "never" : expiresAt.toString())
                    + " is later than the operator token's own expiry, " + mine + "; a token can't be given more"
                    + " time than the token giving it has: give an expiry at or before " + mine);
        }
    }

    /** The earlier of two bounds, null meaning none. */
    static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    static Minted insert(StoreTx tx, Plan plan, String createdBy, Instant atMost, Instant now, SecureRandom random) {
        String id = Ids.fresh(tx, StoreTx.Keyed.TOKENS, now, random);
        List<String> scopeIds = plan.scope().stream().map(OrgRow::id).sorted().toList();
        UserRow owner = plan.owner();
        TokenRow row = new TokenRow(id, plan.kind(), owner == null ? null : owner.id(), owner == null ? null : owner.name(),
                plan.home().id(), plan.home().name(), plan.allOrgs(), scopeIds, plan.description(), TokenStatus.ACTIVE,
                null, Permissions.normalize(plan.permissions()), plan.expiresAt(), atMost, now, now, createdBy, null,
                plan.format(), plan.appDefault(), plan.allowIps(), false, 0, null, null, null, List.of(), null, false);
        String secret = newSecret(tx, row, now, random);
        String hash = Secrets.hash(secret);
        row = withHash(row, hash);
        tx.insertToken(row);
        tx.insertSecret(new SecretRow(hash, id, null));
        for (String orgId : plan.excluded()) {
            tx.excludeOrg(id, orgId, createdBy, now);
        }
        if (!plan.excluded().isEmpty()) {
            row = tx.findToken(id).orElseThrow();
        }
        return new Minted(row, new CreatedToken(Tokens.view(row, now), secret));
    }

    /** A fresh secret for a token: opaque, or a JWT signed with its org's newest key (made on first need). */
    static String newSecret(StoreTx tx, TokenRow row, Instant now, SecureRandom random) {
        if (row.format() != TokenFormat.JWT) {
            return Secrets.generate(random);
        }
        OrgKeyRow key = tx.orgKeys(row.orgId()).stream().findFirst()
                .orElseGet(() -> OrgKeys.add(tx, row.orgId(), now, random));
        String sub = row.userId() != null ? row.userId() : "org:" + row.orgId();
        return Jwt.sign(key.kid(), key.privateKey(),
                new Jwt.Claims(key.kid(), Jwt.ISSUER, sub, row.orgId(), row.id(), now, row.expiresAt()));
    }

    private static TokenRow withHash(TokenRow r, String hash) {
        return new TokenRow(r.id(), r.kind(), r.userId(), r.userName(), r.orgId(), r.orgName(), r.allOrgs(),
                r.scopeOrgIds(), r.description(), r.status(), r.retiredReason(), r.permissions(), r.expiresAt(),
                r.expiresAtMost(), r.createdAt(), r.updatedAt(), r.createdBy(), hash, r.format(), r.appDefault(), r.allowIps(),
                r.revokeOnReuse(), r.verifyCount(), r.lastUsedAt(), r.lastUsedIp(), r.lastUsedApp(), r.excludedOrgIds(),
                r.deactivatedBy(), r.deactivatedAbove());
    }

    /**
     * Checks that {@code username} may own {@code row}: the caller is admin in every org the token reaches and
     * holds its permissions there, and the new owner's role in each allows them.
     */
    static UserRow transferTo(StoreTx tx, Caller caller, TokenRow row, String username) {
        if (row.kind() == TokenKind.ACCOUNT) {
            throw TokenctlException.usage("token " + row.id() + " is an account token: it belongs to the org, not a user");
        }
        if (!caller.isAdmin(row.orgId())) {
            throw TokenctlException.forbidden("only admins of org " + row.orgName() + " change a token's owner");
        }
        UserRow user = Directory.findUser(tx, username)
                .orElseThrow(() -> TokenctlException.notFound("no user named \"" + username + "\""));
        Plan plan = planOf(tx, row, TokenKind.USER, user);
        if (plan.allOrgs() && orgsOf(tx, plan).isEmpty()) {
            throw TokenctlException.notFound("user " + username + " belongs to no org");
        }
        for (OrgRow org : orgsOf(tx, plan)) {
            if (!caller.isAdmin(org.id())) {
                throw TokenctlException.forbidden("only admins of every org a token reaches change its owner;"
                        + " not admin of " + org.name());
            }
        }
        authorize(tx, caller, plan);
        return user;
    }
}
