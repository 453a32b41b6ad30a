package io.tokenctl.core.port;

import io.tokenctl.core.port.Rows.OrgKeyRow;
import java.util.List;
import java.util.Optional;

/** Orgs' JWT signing keys. */
public interface KeyRows {
    void insertOrgKey(OrgKeyRow k);

    /** An org's keys, newest first: the first one signs. */
    List<OrgKeyRow> orgKeys(String orgId);

    Optional<OrgKeyRow> findOrgKey(String kid);

    void deleteOrgKey(String kid);
}
