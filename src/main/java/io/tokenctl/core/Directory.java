package io.tokenctl.core;

import io.tokenctl.api.Action;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Requests.CreateUser;
import io.tokenctl.api.Requests.DeleteUser;
import io.tokenctl.api.Requests.ListAudit;
import io.tokenctl.api.Requests.ListUsers;
import io.tokenctl.api.ResourceType;
import io.tokenctl.api.Results.AuditEvent;
import io.tokenctl.api.Results.AuditPage;
import io.tokenctl.api.Results.Member;
import io.tokenctl.api.Results.Org;
import io.tokenctl.api.Results.UserDeleted;
import io.tokenctl.api.Role;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenStatus;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Rows.AuditFilter;
import io.tokenctl.core.port.Rows.AuditRow;
import io.tokenctl.core.port.Rows.MemberRow;
import io.tokenctl.core.port.Rows.OrgRow;
import io.tokenctl.core.port.Rows.TokenRow;
import io.tokenctl.core.port.Rows.UserRow;
import io.tokenctl.core.port.StoreTx;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Users, orgs and the audit log: only org admins manage an org's users and read its audit log. */
final class Directory {
    private static final Permission READ_USERS = Permission.all(Action.READ, ResourceType.USERS);
    private static final Permission WRITE_USERS = Permission.all(Action.WRITE, ResourceType.USERS);
    private static final Permission WRITE_ORGS = Permission.all(Action.WRITE, ResourceType.ORGS);

    private Directory() {
    }

    /**
     * An org by its name, or by its id (InfluxDB's clients name orgs by id): the id first, when the value has an
     * id's shape.
     */
    static java.util.Optional<OrgRow> findOrg(StoreTx tx, String nameOrId) {
        java.util.Optional<OrgRow> byId = Ids.looksLikeId(nameOrId) ? tx.findOrg(nameOrId) : java.util.Optional.empty();
        return byId.isPresent() ? byId : tx.findOrgByName(nameOrId);
    }

    /** A live user by name or by id, as {@link #findOrg}. */
    static java.util.Optional<UserRow> findUser(StoreTx tx, String nameOrId) {
        java.util.Optional<UserRow> byId = Ids.looksLikeId(nameOrId) ? tx.findUser(nameOrId) : java.util.Optional.empty();
        return byId.isPresent() ? byId : tx.findUserByName(nameOrId);
    }

    /** An org the operator token works in, by name or id; any other is "not found". */
    static OrgRow orgInScope(StoreTx tx, Caller caller, String name) {
        return findOrg(tx, name)
                .filter(o -> caller.orgs().containsKey(o.id()))
                .orElseThrow(() -> TokenctlException.notFound("no org named \"" + name + "\" for this operator token"));
    }

    private static void requireUserAdmin(Caller caller, String orgId, String orgName) {
        if (!caller.isAdmin(orgId) || !Permissions.allows(caller.effective(orgId), WRITE_USERS)) {
            throw TokenctlException.forbidden("only admins of org " + orgName + " manage its users"
                    + " (with a token holding write:users)");
        }
    }

    static Member createUser(StoreTx tx, Caller caller, Instant now, CreateUser req, SecureRandom random) {
        OrgRow org = req.org() == null ? tx.findOrg(caller.homeOrgId()).orElseThrow() : orgInScope(tx, caller, req.org());
        requireUserAdmin(caller, org.id(), org.name());
        Role role = req.role() == null ? Role.NORMAL : req.role();
        UserRow user = tx.findUserByName(req.name()).orElse(null);
        if (user == null) {
            user = new UserRow(Ids.fresh(tx, StoreTx.Keyed.USERS, now, random), req.name(), now);
            tx.insertUser(user);
        } else {
            List<MemberRow> memberships = tx.memberships(user.id());
            for (MemberRow m : memberships) {
                if (m.orgId().equals(org.id())) {
                    throw TokenctlException.conflict("user " + user.name() + " is already in org " + org.name()
                            + " (as " + m.role() + ")");
                }
            }
            // a new membership widens what the user's all-orgs tokens reach: only an admin of one of the user's
            // orgs may give it, so another org's admin can't pull them into view (or under their management)
            if (!memberships.isEmpty() && memberships.stream().noneMatch(m -> caller.isAdmin(m.orgId()))) {
                throw TokenctlException.forbidden("user " + user.name() + " belongs to orgs the operator token is not"
                        + " an admin of; an admin of one of them adds them to org " + org.name());
            }
        }
        tx.insertMembership(user.id(), org.id(), role.wire());
        Audit.allowed(tx, caller, now, org.id(), "user create", "user:" + user.name(), "role " + role.wire());
        return new Member(user.id(), user.name(), org.id(), org.name(), role);
    }

    static List<Member> listUsers(StoreTx tx, Caller caller, ListUsers req) {
        List<String> orgIds = req.org() == null ? caller.orgIds() : List.of(orgInScope(tx, caller, req.org()).id());
        List<String> readable = new ArrayList<>();
        for (String orgId : orgIds) {
            if (Permissions.allows(caller.effective(orgId), READ_USERS)) {
                readable.add(orgId);
            }
        }
        if (readable.isEmpty()) {
            throw TokenctlException.forbidden("the operator token can't list users: it needs read:users");
        }
        List<Member> out = new ArrayList<>();
        for (MemberRow m : tx.members(readable)) {
            out.add(new Member(m.userId(), m.userName(), m.orgId(), m.orgName(), Role.fromWire(m.role())));
        }
        return out;
    }

    static UserDeleted deleteUser(StoreTx tx, Caller caller, Instant now, DeleteUser req) {
        UserRow user = findUser(tx, req.name())
                .orElseThrow(() -> TokenctlException.notFound("no user named \"" + req.name() + "\""));
        List<MemberRow> memberships = tx.memberships(user.id());
        // a user who shares no org with the caller is "not found", so names don't leak across orgs
        if (!memberships.isEmpty() && memberships.stream().noneMatch(m -> caller.orgs().containsKey(m.orgId()))) {
            throw TokenctlException.notFound("no user named \"" + req.name() + "\"");
        }
        if (req.org() != null) {
            MemberRow m = memberships.stream().filter(x -> x.orgName().equals(req.org())).findFirst()
                    .orElseThrow(() -> TokenctlException.notFound("user " + user.name() + " is not in org " + req.org()));
            requireUserAdmin(caller, m.orgId(), m.orgName());
            requireNotLastAdmin(tx, m);
            tx.deleteMembership(user.id(), m.orgId());
            Audit.allowed(tx, caller, now, m.orgId(), "user remove", "user:" + user.name(), "left org " + m.orgName());
            return new UserDeleted(user.id(), user.name(), List.of(m.orgName()), List.of());
        }
        if (memberships.isEmpty()) {
            requireUserAdmin(caller, caller.homeOrgId(), caller.homeOrgName());
        }
        for (MemberRow m : memberships) {
            if (!caller.orgs().containsKey(m.orgId())) {
                throw TokenctlException.forbidden("user " + user.name() + " also belongs to org " + m.orgName()
                        + ", which the operator token can't manage; remove them from the orgs it manages, one at a time");
            }
            requireUserAdmin(caller, m.orgId(), m.orgName());
            requireNotLastAdmin(tx, m);
        }
        // every user token the user owns dies with them, in this same transaction; account tokens stay
        String reason = "owner " + user.name() + " deleted";
        List<String> retired = tx.liveUserTokenIds(user.id());
        for (String tokenId : retired) {
            TokenRow token = tx.findToken(tokenId).orElseThrow();
            tx.setStatus(tokenId, TokenStatus.RETIRED, reason, now);
            Audit.allowed(tx, caller, now, token.orgId(), "retire", tokenId, reason);
        }
        tx.deleteMemberships(user.id());
        tx.markUserDeleted(user.id(), now);
        List<String> orgs = new ArrayList<>();
        for (MemberRow m : memberships) {
            orgs.add(m.orgName());
            Audit.allowed(tx, caller, now, m.orgId(), "user delete", "user:" + user.name(),
                    retired.size() + " token(s) retired");
        }
        if (memberships.isEmpty()) {
            Audit.allowed(tx, caller, now, caller.homeOrgId(), "user delete", "user:" + user.name(), null);
        }
        return new UserDeleted(user.id(), user.name(), orgs, retired);
    }

    private static void requireNotLastAdmin(StoreTx tx, MemberRow m) {
        if (Role.fromWire(m.role()) == Role.ADMIN && tx.countAdmins(m.orgId()) <= 1) {
            throw TokenctlException.conflict(m.userName() + " is the last admin of org " + m.orgName()
                    + "; make another user admin first");
        }
    }

    static Org createOrg(StoreTx tx, Caller caller, Instant now, String name, SecureRandom random) {
        if (caller.kind() != TokenKind.USER) {
            throw TokenctlException.forbidden("an account token can't create orgs: a new org needs a user as its admin");
        }
        if (!Permissions.allows(caller.effective(caller.homeOrgId()), WRITE_ORGS)) {
            throw TokenctlException.forbidden("the operator token can't create orgs: it needs write:orgs (org admins)");
        }
        if (tx.findOrgByName(name).isPresent()) {
            throw TokenctlException.conflict("an org named " + name + " exists");
        }
        OrgRow org = new OrgRow(Ids.fresh(tx, StoreTx.Keyed.ORGS, now, random), name, now);
        tx.insertOrg(org);
        tx.insertMembership(caller.userId(), org.id(), Role.ADMIN.wire());
        Audit.allowed(tx, caller, now, org.id(), "org create", "org:" + name, null);
        return new Org(org.id(), org.name(), Role.ADMIN);
    }

    static List<Org> listOrgs(Caller caller) {
        List<Org> out = new ArrayList<>();
        caller.orgs().values().forEach(a -> out.add(new Org(a.orgId(), a.orgName(), a.role())));
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    /** Who an audit event shows as its actor when the caller may not see the acting token. */
    static final String ANOTHER_ORG = "(another org)";

    /**
     * A page of the audit log of the orgs the caller administers. An event by a token the caller may not see (an
     * admin of another org acting in this one) shows its actor as {@link #ANOTHER_ORG}, without the token id.
     */
    static AuditPage audit(StoreTx tx, Caller caller, ListAudit req, int limit) {
        List<String> orgs = caller.adminOrgIds();
        if (orgs.isEmpty()) {
            throw TokenctlException.forbidden("only org admins read the audit log");
        }
        AuditFilter filter = new AuditFilter(orgs, req.since(), req.actor(), req.target(), req.after(), limit + 1,
                req.newestFirst());
        List<AuditRow> rows = tx.audit(filter);
        java.util.Map<String, Boolean> shown = new java.util.HashMap<>();
        List<AuditEvent> out = new ArrayList<>();
        for (int i = 0; i < rows.size() && i < limit; i++) {
            AuditRow a = rows.get(i);
            String tokenId = a.actorTokenId();
            String actor = a.actorUser();
            if (tokenId != null && !shown.computeIfAbsent(tokenId, id -> Visibility.maySeeActor(tx, caller, id))) {
                if (req.actor() != null) {
                    continue; // matching the name would tell it
                }
                tokenId = null;
                actor = ANOTHER_ORG;
            }
            out.add(new AuditEvent(a.seq(), a.at(), tokenId, actor, a.orgId(), a.action(), a.target(), a.outcome(),
                    a.reason()));
        }
        Long next = rows.size() > limit ? rows.get(limit - 1).seq() : null;
        Long total = null;
        if (next == null && req.after() == null) {
            total = (long) out.size();
        } else if (req.actor() == null) {
            // not with an actor: the count would include the events of actors the caller may not see
            total = told(atMost -> tx.countAudit(filter, atMost));
        }
        return new AuditPage(out, next, total);
    }

    /**
     * A listing's length as a page tells it: {@code count} asked to stop one past
     * {@link io.tokenctl.api.Results#COUNT_AT_MOST}, and null (not told) past that.
     */
    static Long told(java.util.function.IntToLongFunction count) {
        long n = count.applyAsLong(io.tokenctl.api.Results.COUNT_AT_MOST + 1);
        return n > io.tokenctl.api.Results.COUNT_AT_MOST ? null : n;
    }
}
