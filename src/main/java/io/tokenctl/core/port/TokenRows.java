package io.tokenctl.core.port;

import io.tokenctl.api.TokenStatus;
import io.tokenctl.core.port.Rows.SecretRow;
import io.tokenctl.core.port.Rows.TokenFilter;
import io.tokenctl.core.port.Rows.TokenRow;
import io.tokenctl.core.port.Rows.UseRow;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Tokens, their org scope, and the hashes of their secrets. */
public interface TokenRows {
    /** One token with its static org scope ({@code t.scopeOrgIds()}). */
    void insertToken(TokenRow t);

    /** Many tokens, each with its current secret, in batches: for bulk loads (imports, benchmarks). */
    void insertTokens(List<TokenRow> tokens, List<SecretRow> secrets);

    /** Replaces a token's static org scope. */
    void setTokenOrgs(String tokenId, Collection<String> orgIds);

    void insertSecret(SecretRow s);

    Optional<SecretRow> findSecret(String hash);

    /** Gives every live secret of the token an end time no later than {@code notAfter}: regenerate's grace. */
    void supersedeSecrets(String tokenId, Instant notAfter);

    Optional<TokenRow> findToken(String id);

    /** One page in id order (ids sort by creation); fetches at most {@code limit} rows. */
    List<TokenRow> listTokens(TokenFilter f);

    /** How many tokens {@code f} selects, from the start (its {@code after} and {@code limit} ignored), counting at most {@code atMost}. */
    long countTokens(TokenFilter f, int atMost);

    /** Ids of a user's own user tokens that are not yet retired. */
    List<String> liveUserTokenIds(String userId);

    void updateToken(String id, String description, Instant expiresAt, Instant updatedAt);

    void setOwner(String id, String userId, Instant updatedAt);

    void setStatus(String id, TokenStatus status, String reason, Instant updatedAt);

    /** Deactivates a token, recording by whom and whether from above its owner (see {@link TokenRow}). */
    void deactivate(String id, String by, boolean above, Instant updatedAt);

    /** Activates a token, forgetting who had deactivated it. */
    void activate(String id, Instant updatedAt);

    /** Cuts one org out of a fixed-scope token's reach. */
    void removeTokenOrg(String tokenId, String orgId);

    /** Cuts one org out of an all-orgs token's reach: it follows its owner everywhere else. */
    void excludeOrg(String tokenId, String orgId, String by, Instant at);

    /** Moves a token's home org (when its home was cut out of its reach). */
    void setHomeOrg(String tokenId, String orgId, Instant updatedAt);

    /** Makes a user token an account token with a static scope; the schema refuses the way back. */
    void promote(String id, Instant updatedAt);

    void deleteToken(String id);

    void setRevokeOnReuse(String id, boolean on);

    /**
     * Adds each token's uses, and moves its app's last-seen time (for uses by an app); a last use moves only
     * forward, since flushes (of several processes) may arrive out of order. In batches: one round trip, not one
     * per token, while the write lock is held.
     */
    void recordUses(List<UseRow> uses);

    /**
     * Records that the batch of uses {@code batchId} is being written: false when it already was (an earlier
     * write committed though its answer was lost), and then nothing of it must be written again.
     */
    boolean claimUsageBatch(String batchId, Instant at);

    /** Forgets the ids of batches written before {@code before}. */
    void forgetUsageBatches(Instant before);
}
