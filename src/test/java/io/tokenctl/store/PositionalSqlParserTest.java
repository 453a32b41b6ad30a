package io.tokenctl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.junit.jupiter.api.Test;

/** The store's parser gives what JDBI's own would, for every shape of statement, ours or not. */
class PositionalSqlParserTest {
    @Test
    void parsesAsJdbiDoes() {
        for (String sql : List.of(
                "SELECT count(*) FROM orgs",
                "PRAGMA user_version",
                "INSERT INTO orgs (id, name, created_at) VALUES (?, ?, ?)",
                "SELECT id FROM users WHERE name = ? AND deleted_at IS NULL",
                "SELECT id FROM tokens WHERE status = 'active' AND note = 'what?' AND id > ? LIMIT ?",
                "SELECT 'it''s ?' , ? FROM t",
                "SELECT id FROM t WHERE id = :id",
                "SELECT \"odd?col\" FROM t WHERE a = ?",
                "SELECT a FROM t -- a comment?\nWHERE b = ?",
                "SELECT a /* ? */ FROM t WHERE b = ?",
                "SELECT a FROM t WHERE b = ?? OR c = ?",
                "SELECT a::text FROM t WHERE b = ?")) {
            assertEquals(new ColonPrefixSqlParser().parse(sql, null), new PositionalSqlParser().parse(sql, null), sql);
        }
    }
}
