package io.tokenctl.core;

import io.tokenctl.api.Redact;
import io.tokenctl.core.port.Rows.AuditRow;
import io.tokenctl.core.port.StoreTx;
import java.time.Instant;

/**
 * Writes the audit log: who (token and user), when, what, on which target, allowed or denied, and why. What a
 * caller supplied is stored with secrets redacted and cut to {@link #MAX_STORED} characters (and its length), so
 * no one can fill the append-only table with huge values; it is escaped when shown, not here.
 */
final class Audit {
    static final String ALLOWED = "allowed";
    static final String DENIED = "denied";
    static final int MAX_STORED = 256;

    private Audit() {
    }

    static void allowed(StoreTx tx, Caller caller, Instant now, String orgId, String action, String target, String reason) {
        tx.insertAudit(new AuditRow(null, now, caller.tokenId(), caller.auditName(), orgId, action,
                stored(target), ALLOWED, stored(reason)));
    }

    /** An event with no operator token behind it (a verify, a refused operator): {@code actor} names who. */
    static void unattributed(StoreTx tx, Instant now, String actor, String orgId, String action, String target,
            String outcome, String reason) {
        tx.insertAudit(new AuditRow(null, now, null, stored(actor), orgId, action, stored(target), outcome,
                stored(reason)));
    }

    static void denied(StoreTx tx, Caller caller, Instant now, String action, String target, String reason) {
        tx.insertAudit(new AuditRow(null, now, caller.tokenId(), caller.auditName(), caller.homeOrgId(), action,
                stored(target), DENIED, stored(reason)));
    }

    /** What the audit keeps of a value: secrets redacted, at most {@link #MAX_STORED} characters and its length. */
    static String stored(String text) {
        String s = Redact.secrets(text);
        if (s == null) {
            return null;
        }
        int length = s.codePointCount(0, s.length());
        return length <= MAX_STORED ? s
                : s.substring(0, s.offsetByCodePoints(0, MAX_STORED)) + "\u2026 (" + length + " characters)";
    }
}
