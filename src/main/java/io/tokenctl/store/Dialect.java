package io.tokenctl.store;

/**
 * Where SQLite's SQL and PostgreSQL's differ in the statements tokenctl runs: the one seam between them. What
 * else differs (transactions, the change counter, migrations' bookkeeping, connections) lives in each store.
 */
enum Dialect {
    SQLITE("group_concat(%s, ' ')", "sqlite"),
    POSTGRESQL("string_agg(%s, ' ')", "postgresql");

    private final String joinWords;
    /** The folder of this dialect's own parts of each migration. */
    final String migrations;

    Dialect(String joinWords, String migrations) {
        this.joinWords = joinWords;
        this.migrations = migrations;
    }

    /** An aggregate joining {@code column}'s values with single spaces. */
    String joinWords(String column) {
        return String.format(joinWords, column);
    }
}
