package io.tokenctl.store;

import java.util.List;
import org.jdbi.v3.core.statement.ColonPrefixSqlParser;
import org.jdbi.v3.core.statement.ParsedParameters;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlParser;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Our statements bind only positional {@code ?}: counting them needs no lexer, while JDBI's default parser loads
 * and warms an ANTLR lexer on every cold start. A statement with anything that lexer would treat specially
 * (a colon, double quote, comment, backslash or {@code ??}) goes to JDBI's own parser, so the result is the same.
 */
final class PositionalSqlParser implements SqlParser {
    private SqlParser jdbis;

    @Override
    public ParsedSql parse(String sql, StatementContext ctx) {
        if (needsLexer(sql)) {
            if (jdbis == null) {
                jdbis = new ColonPrefixSqlParser();
            }
            return jdbis.parse(sql, ctx);
        }
        int params = 0;
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // '' inside a literal flips twice
            } else if (c == '?' && !quoted) {
                params++;
            }
        }
        return ParsedSql.of(sql, params == 0 ? ParsedParameters.named(List.of()) : ParsedParameters.positional(params));
    }

    private static boolean needsLexer(String sql) {
        return sql.indexOf(':') >= 0 || sql.indexOf('"') >= 0 || sql.indexOf('\\') >= 0 || sql.contains("--")
                || sql.contains("/*") || sql.contains("??");
    }

    @Override
    public String nameParameter(String rawName, StatementContext ctx) {
        return ":" + rawName; // as JDBI's parser, which then parses the statement
    }
}
