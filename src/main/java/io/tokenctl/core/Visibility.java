package io.tokenctl.core;

import io.tokenctl.api.Action;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Redact;
import io.tokenctl.api.ResourceType;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.store.Rows.TokenRow;
import io.tokenctl.store.StoreTx;
import java.util.ArrayList;
import java.util.List;

/**
 * Who sees and manages which token: an org admin every token of that org; anyone else only their own user
 * tokens. A token the caller may not see is "not found", so ids don't leak.
 */
final class Visibility {
    static final Permission READ_TOKENS = Permission.all(Action.READ, ResourceType.AUTHORIZATIONS);
    static final Permission WRITE_TOKENS = Permission.all(Action.WRITE, ResourceType.AUTHORIZATIONS);

    private Visibility() {
    }

    /** The orgs where the caller may read tokens at all; refuses when there is none. */
    static List<String> readableOrgs(Caller caller) {
        List<String> out = new ArrayList<>();
        for (String orgId : caller.orgIds()) {
            if (Permissions.allows(caller.effective(orgId), READ_TOKENS)) {
                out.add(orgId);
            }
        }
        if (out.isEmpty()) {
            throw TokenctlException.forbidden("the operator token can't read tokens: it needs read:authorizations");
        }
        return out;
    }

    static boolean canSee(Caller caller, TokenRow row, List<String> readable) {
        if (!readable.contains(row.orgId())) {
            return false;
        }
        return caller.isAdmin(row.orgId())
                || row.kind() == TokenKind.USER && caller.kind() == TokenKind.USER && row.userId().equals(caller.userId());
    }

    /** The orgs a token reaches: its static scope, or its owner's orgs for an all-orgs token. */
    static List<String> reach(StoreTx tx, TokenRow row) {
        if (!row.allOrgs()) {
            return row.scopeOrgIds();
        }
        List<String> out = new ArrayList<>();
        tx.memberships(row.userId()).forEach(m -> out.add(m.orgId()));
        return out;
    }

    /** An admin of any org a token reaches may see it there, wherever its home org is. */
    private static boolean adminOfReach(StoreTx tx, Caller caller, TokenRow row, List<String> readable) {
        return reach(tx, row).stream().anyMatch(o -> caller.isAdmin(o) && readable.contains(o));
    }

    static TokenRow visible(StoreTx tx, Caller caller, String id) {
        List<String> readable = readableOrgs(caller);
        return tx.findToken(id)
                .filter(row -> canSee(caller, row, readable) || adminOfReach(tx, caller, row, readable))
                .orElseThrow(() -> TokenctlException.notFound(notFound(id)));
    }

    /** "Not found", without echoing a secret someone pasted where an id belongs (it may be in shell history now). */
    static String notFound(String id) {
        if (!Redact.secrets(id).equals(id)) {
            return "no token with that id: it looks like a secret, not an id; find its token with `tokenctl auth find`"
                    + " (stdin) and treat it as leaked";
        }
        return "no token with id \"" + id + "\"";
    }

    /**
     * A token the caller sees and may change: it needs write:authorizations in the token's home org, or as admin
     * in another org the token reaches.
     */
    static TokenRow manageable(StoreTx tx, Caller caller, String id) {
        TokenRow row = visible(tx, caller, id);
        if (Permissions.allows(caller.effective(row.orgId()), WRITE_TOKENS)) {
            return row;
        }
        for (String org : reach(tx, row)) {
            if (caller.isAdmin(org) && Permissions.allows(caller.effective(org), WRITE_TOKENS)) {
                return row;
            }
        }
        throw TokenctlException.forbidden("the operator token can't change tokens in org " + row.orgName()
                + ": it needs write:authorizations");
    }
}
