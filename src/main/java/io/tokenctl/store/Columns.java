package io.tokenctl.store;

import io.tokenctl.api.Permission;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.statement.SqlStatement;

/** How values sit in columns: times as epoch milliseconds, lists as space-separated words. */
final class Columns {
    private Columns() {
    }

    static List<String> words(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(List.of(text.split(" ")));
        out.sort(null);
        return List.copyOf(out);
    }

    static String placeholders(int n) {
        return "?, ".repeat(n - 1) + "?";
    }

    static void bindAll(SqlStatement<?> q, int from, Collection<?> values) {
        int i = from;
        for (Object v : values) {
            q.bind(i++, v);
        }
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs, rs.findColumn(column));
    }

    static long millis(Instant t) {
        return t.toEpochMilli();
    }

    static Long millisOrNull(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    /** Permissions as one column: space-separated {@code action:type[/id]}; fixed at creation, read whole. */
    static String encodePermissions(List<Permission> permissions) {
        StringBuilder sb = new StringBuilder();
        for (Permission p : permissions) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(p);
        }
        return sb.toString();
    }

    static List<Permission> decodePermissions(String text) {
        List<Permission> out = new ArrayList<>();
        for (String part : text.split(" ")) {
            if (!part.isEmpty()) {
                out.add(Permission.parse(part));
            }
        }
        return out;
    }
}
