package io.tokenctl.core;

import io.tokenctl.core.port.Rows.OrgKeyRow;
import io.tokenctl.core.port.StoreTx;
import java.security.SecureRandom;
import java.time.Instant;

/** An org's Ed25519 signing keys for JWT tokens: the newest signs; every key still present verifies. */
final class OrgKeys {
    private OrgKeys() {
    }

    static OrgKeyRow add(StoreTx tx, String orgId, Instant now, SecureRandom random) {
        Jwt.KeyPair pair = Jwt.newKeyPair(random);
        OrgKeyRow key = new OrgKeyRow(Ids.fresh(tx, StoreTx.Keyed.ORG_KEYS, now, random), orgId, pair.privateKey(), pair.publicKey(), now);
        tx.insertOrgKey(key);
        return key;
    }
}
