package io.tokenctl.core.port;

import io.tokenctl.core.port.Rows.MemberRow;
import io.tokenctl.core.port.Rows.OrgRow;
import io.tokenctl.core.port.Rows.UserRow;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Orgs, users and who belongs where, with which role. */
public interface DirectoryRows {
    void insertOrg(OrgRow org);

    Optional<OrgRow> findOrgByName(String name);

    Optional<OrgRow> findOrg(String id);

    int countOrgs();

    void insertUser(UserRow user);

    /** The live user of that name; deleted users' names are free. */
    Optional<UserRow> findUserByName(String name);

    /** The live user with this id. */
    Optional<UserRow> findUser(String id);

    void markUserDeleted(String userId, Instant at);

    void insertMembership(String userId, String orgId, String role);

    void deleteMembership(String userId, String orgId);

    void deleteMemberships(String userId);

    /** The orgs a user belongs to, with the role in each, by org name. */
    List<MemberRow> memberships(String userId);

    /** The members of the given orgs, by org then user name. */
    List<MemberRow> members(Collection<String> orgIds);

    int countAdmins(String orgId);
}
