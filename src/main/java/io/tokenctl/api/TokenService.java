package io.tokenctl.api;

import io.tokenctl.api.Requests.CloneToken;
import io.tokenctl.api.Requests.CreateUser;
import io.tokenctl.api.Requests.DeleteUser;
import io.tokenctl.api.Requests.ListAudit;
import io.tokenctl.api.Requests.FindSecret;
import io.tokenctl.api.Requests.ListUsers;
import io.tokenctl.api.Requests.SetAppState;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.Results.AppUse;
import io.tokenctl.api.Results.SigningKey;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.Results.AuditPage;
import io.tokenctl.api.Results.Member;
import io.tokenctl.api.Results.Org;
import io.tokenctl.api.Results.UserDeleted;
import java.util.List;
import io.tokenctl.api.Requests.CreateToken;
import io.tokenctl.api.Requests.ListTokens;
import io.tokenctl.api.Requests.Regenerate;
import io.tokenctl.api.Requests.Setup;
import io.tokenctl.api.Requests.UpdateToken;
import io.tokenctl.api.Results.SetupResult;
import io.tokenctl.api.Results.TokenPage;

/**
 * The one interface the CLI holds, implemented over the local store (core's engine) and over HTTP (the remote
 * client of a {@code tokenctl serve}). Calls act as the operator token the implementation was opened with;
 * failures are {@link TokenctlException}, the same on both.
 */
public interface TokenService extends AutoCloseable {

    SetupResult setup(Setup request);

    CreatedToken create(CreateToken request);

    TokenPage list(ListTokens request);

    Token show(String id);

    Token update(UpdateToken request);

    Token activate(String id);

    Token deactivate(String id);

    /** Irreversible: the row stays as history with status retired. */
    Token retire(String id);

    void delete(String id);

    CreatedToken regenerate(Regenerate request);

    CreatedToken cloneToken(CloneToken request);

    /** Irreversible: a user token becomes an account token, owned by the org. */
    Token promote(String id);

    /**
     * An admin of one org a token reaches cuts that org out of its reach; the token keeps working elsewhere.
     * (Ending it everywhere takes its owner or an admin of every org it reaches.)
     */
    Token revokeOrg(Requests.RevokeOrg request);

    Member createUser(CreateUser request);

    List<Member> listUsers(ListUsers request);

    UserDeleted deleteUser(DeleteUser request);

    /** Creates an org; the calling user becomes its admin. */
    Org createOrg(String name);

    List<Org> listOrgs();

    AuditPage audit(ListAudit request);

    /**
     * Needs no operator token: a service checking a presented token is not an admin. With one that may see the
     * token, a dead secret's answer says why it failed; without, no more than "not valid".
     */
    Verification verify(Verify request);

    /** Who the operator token is: its owner, its orgs with the role in each, its permissions. */
    Results.Me me();

    List<AppUse> apps(String id);

    AppUse setAppState(SetAppState request);

    /** Which token is this secret (found in a log or a repo)? */
    Token find(FindSecret request);

    /** Retires the token this secret belongs to, in one step. */
    Token retireBySecret(FindSecret request);

    /** Adds a new signing key to an org; older keys keep verifying until removed. */
    SigningKey rotateOrgKey(String org);

    /** Removes a signing key: JWTs it signed stop verifying. */
    void removeOrgKey(String org, String kid);

    /** The org's public keys, for a JWKS. */
    List<SigningKey> orgKeys(String org);

    /** The id of the token this view last authenticated as, for a server's request log; null when none. */
    default String actingTokenId() {
        return null;
    }

    @Override
    void close();
}
