package io.tokenctl.core.port;

import io.tokenctl.core.port.Rows.AuditFilter;
import io.tokenctl.core.port.Rows.AuditRow;
import java.util.List;

/** The append-only audit log. */
public interface AuditRows {
    void insertAudit(AuditRow a);

    /** Many audit events in one batch: for bulk loads (imports, benchmarks). */
    void insertAudits(List<AuditRow> rows);

    /** A page of events, oldest first. */
    List<AuditRow> audit(AuditFilter f);

    /** How many events {@code f} selects, from either end (its page ignored), counting at most {@code atMost}. */
    long countAudit(AuditFilter f, int atMost);
}
