package io.tokenctl.core;

import io.tokenctl.api.Permission;
import io.tokenctl.api.TokenKind;
import java.util.List;

/** Who is acting: the operator token, its owner, the org it acts in, the owner's role there, and what it holds. */
public record Caller(
        String tokenId,
        TokenKind kind,
        String userId,
        String userName,
        String orgId,
        String orgName,
        Role role,
        List<Permission> permissions) {

    /** The name the audit log records for this caller. */
    public String auditName() {
        return userName != null ? userName : "account:" + orgName;
    }
}
