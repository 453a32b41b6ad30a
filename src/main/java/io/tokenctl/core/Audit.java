package io.tokenctl.core;

import io.tokenctl.api.Redact;
import io.tokenctl.store.Rows.AuditRow;
import io.tokenctl.store.StoreTx;
import java.time.Instant;

/** Writes the audit log: who (token and user), when, what, on which target, allowed or denied, and why. */
final class Audit {
    static final String ALLOWED = "allowed";
    static final String DENIED = "denied";

    private Audit() {
    }

    static void allowed(StoreTx tx, Caller caller, Instant now, String orgId, String action, String target, String reason) {
        tx.insertAudit(new AuditRow(null, now, caller.tokenId(), caller.auditName(), orgId, action,
                Redact.secrets(target), ALLOWED, Redact.secrets(reason)));
    }

    /** An event with no operator token behind it (a verify, a refused operator): {@code actor} names who. */
    static void unattributed(StoreTx tx, Instant now, String actor, String orgId, String action, String target,
            String outcome, String reason) {
        tx.insertAudit(new AuditRow(null, now, null, actor, orgId, action, Redact.secrets(target), outcome,
                Redact.secrets(reason)));
    }

    static void denied(StoreTx tx, Caller caller, Instant now, String action, String target, String reason) {
        tx.insertAudit(new AuditRow(null, now, caller.tokenId(), caller.auditName(), caller.homeOrgId(), action,
                Redact.secrets(target), DENIED, Redact.secrets(reason)));
    }
}
