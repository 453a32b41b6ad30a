package io.tokenctl.core.port;

/**
 * What core reads and writes in one unit of work on a {@link Storage}: every concept's rows, on one connection,
 * so a rule that spans several is all or nothing.
 */
public interface StoreTx extends DirectoryRows, TokenRows, AppRows, KeyRows, AuditRows {
    /** The tables whose rows are keyed by a tokenctl id. */
    enum Keyed {
        TOKENS, USERS, ORGS, ORG_KEYS
    }

    /** Whether a row of {@code table} already has this id (deleted users keep theirs). */
    boolean idTaken(Keyed table, String id);
}
