package io.tokenctl.core;

import io.tokenctl.api.Action;
import io.tokenctl.api.Permission;
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

    static TokenRow visible(StoreTx tx, Caller caller, String id) {
        List<String> readable = readableOrgs(caller);
        return tx.findToken(id)
                .filter(row -> canSee(caller, row, readable))
                .orElseThrow(() -> TokenctlException.notFound("no token with id \"" + id + "\""));
    }

    /** A token the caller sees and may change: it needs write:authorizations in the token's org. */
    static TokenRow manageable(StoreTx tx, Caller caller, String id) {
        TokenRow row = visible(tx, caller, id);
        if (!Permissions.allows(caller.effective(row.orgId()), WRITE_TOKENS)) {
            throw TokenctlException.forbidden("the operator token can't change tokens in org " + row.orgName()
                    + ": it needs write:authorizations");
        }
        return row;
    }
}
