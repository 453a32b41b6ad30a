package io.tokenctl.core;

import io.tokenctl.api.Action;
import io.tokenctl.api.Permission;
import io.tokenctl.api.Redact;
import io.tokenctl.api.ResourceType;
import io.tokenctl.api.TokenKind;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Rows.OrgRow;
import io.tokenctl.core.port.Rows.TokenRow;
import io.tokenctl.core.port.StoreTx;
import java.util.ArrayList;
import java.util.List;

/**
 * Who sees and manages which token. Its owner sees it, and so does an admin of any org it reaches. It is managed
 * as a whole (changed, deactivated, retired, deleted, regenerated, cloned, promoted, its apps decided) only by its
 * owner within their role, or by a caller who is admin in every org it reaches: one org's admin must not end
 * another org's access. An admin of one org it reaches may only cut that org out of its reach. A token the caller
 * may not see is "not found", so ids don't leak.
 */
final class Visibility {
    static final Permission READ_TOKENS = Permission.all(Action.READ, ResourceType.AUTHORIZATIONS);
    static final Permission WRITE_TOKENS = Permission.all(Action.WRITE, ResourceType.AUTHORIZATIONS);

    /** A token the caller may manage as a whole; {@code asAdmin}: as an admin of every org it reaches. */
    record Managed(TokenRow row, boolean asAdmin) {
    }

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

    static boolean isOwner(Caller caller, TokenRow row) {
        return row.kind() == TokenKind.USER && caller.kind() == TokenKind.USER && row.userId().equals(caller.userId());
    }

    static boolean canSee(Caller caller, TokenRow row, List<String> readable) {
        if (!readable.contains(row.orgId())) {
            return false;
        }
        return caller.isAdmin(row.orgId()) || isOwner(caller, row);
    }

    /**
     * The orgs a token reaches now: where it works, exactly as authenticating and verifying it judge
     * ({@link Authenticator#scope}): its static scope, or its owner's orgs less those cut out, and for a user token
     * only where its owner is still a member.
     */
    static List<String> reach(StoreTx tx, TokenRow row) {
        return List.copyOf(Authenticator.scope(tx, row).keySet());
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

    /** Whether the caller may see token {@code id}, without refusing. */
    static boolean maySee(StoreTx tx, Caller caller, String id) {
        try {
            visible(tx, caller, id);
            return true;
        } catch (TokenctlException e) {
            return false;
        }
    }

    /**
     * Whether an audit event by {@code tokenId} may show who did it: the caller's own tokens, tokens of orgs the
     * caller administers, and deleted ones (their ids open nothing any more). Other orgs' token ids stay out of an
     * org's audit log even when that org appears in the event.
     */
    static boolean maySeeActor(StoreTx tx, Caller caller, String tokenId) {
        if (tokenId.equals(caller.tokenId())) {
            return true;
        }
        TokenRow row = tx.findToken(tokenId).orElse(null);
        return row == null || isOwner(caller, row) || caller.isAdmin(row.orgId())
                || reach(tx, row).stream().anyMatch(caller::isAdmin);
    }

    /** "Not found", without echoing a secret someone pasted where an id belongs (it may be in shell history now). */
    static String notFound(String id) {
        if (!Redact.secrets(id).equals(id)) {
            return "no token with that id: it looks like a secret, not an id; look its token up by the secret (find)"
                    + " and treat it as leaked";
        }
        return "no token with id \"" + id + "\"";
    }

    /**
     * A token the caller sees and may manage as a whole: as its owner, with write:authorizations in its home org;
     * or as admin, with write:authorizations, of every org it reaches (its home org when it reaches none).
     */
    static Managed manageable(StoreTx tx, Caller caller, String id) {
        TokenRow row = visible(tx, caller, id);
        boolean owner = isOwner(caller, row) && writesTokens(caller, row.orgId());
        List<String> reach = reach(tx, row);
        List<String> orgs = reach.isEmpty() ? List.of(row.orgId()) : reach;
        List<String> notAdmin = new ArrayList<>();
        for (String org : orgs) {
            if (!caller.isAdmin(org) || !writesTokens(caller, org)) {
                notAdmin.add(org);
            }
        }
        if (notAdmin.isEmpty()) {
            return new Managed(row, true);
        }
        if (owner) {
            return new Managed(row, false);
        }
        List<String> adminHere = new ArrayList<>(orgs);
        adminHere.removeAll(notAdmin);
        if (!adminHere.isEmpty()) {
            throw TokenctlException.forbidden("token " + row.id() + " also reaches org " + names(tx, notAdmin)
                    + ", where the operator token is not an admin: only its owner or an admin of every org it reaches"
                    + " may change it; an admin of org " + names(tx, adminHere) + " may only cut that org out of its"
                    + " reach (revoke-org)");
        }
        throw TokenctlException.forbidden("the operator token can't change token " + row.id() + " in org "
                + row.orgName() + ": it needs write:authorizations as the token's owner, or as an admin of every org"
                + " the token reaches");
    }

    static boolean writesTokens(Caller caller, String orgId) {
        return Permissions.allows(caller.effective(orgId), WRITE_TOKENS);
    }

    private static String names(StoreTx tx, List<String> orgIds) {
        List<String> out = new ArrayList<>();
        for (String id : orgIds) {
            out.add(tx.findOrg(id).map(OrgRow::name).orElse(id));
        }
        return String.join(", ", out);
    }
}
