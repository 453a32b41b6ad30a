package io.tokenctl.core;

import io.tokenctl.api.Permission;
import io.tokenctl.api.Role;
import io.tokenctl.api.TokenKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who is acting: the operator token, its owner, its home org, and the orgs it works in with the owner's role in
 * each. What it may do in an org is its token's permissions within that role's ceiling.
 */
record Caller(
        String tokenId,
        TokenKind kind,
        String userId,
        String userName,
        String homeOrgId,
        String homeOrgName,
        List<Permission> tokenPermissions,
        Instant tokenExpiresAt,
        Map<String, OrgAccess> orgs) {

    /** One org the operator token works in, and the role it acts with there. */
    record OrgAccess(String orgId, String orgName, Role role) {
    }

    /** The caller's effective permissions in an org: none outside its scope. */
    List<Permission> effective(String orgId) {
        OrgAccess access = orgs.get(orgId);
        return access == null ? List.of() : Ceilings.within(access.role(), tokenPermissions);
    }

    boolean isAdmin(String orgId) {
        OrgAccess access = orgs.get(orgId);
        return access != null && access.role() == Role.ADMIN;
    }

    List<String> adminOrgIds() {
        List<String> out = new ArrayList<>();
        orgs.values().stream().filter(a -> a.role() == Role.ADMIN).forEach(a -> out.add(a.orgId()));
        return out;
    }

    List<String> orgIds() {
        return List.copyOf(orgs.keySet());
    }

    /** The name the audit log records for this caller. */
    String auditName() {
        return userName != null && kind == TokenKind.USER ? userName : "account:" + homeOrgName;
    }
}
