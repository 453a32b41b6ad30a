package io.tokenctl.store;

import static io.tokenctl.store.Columns.instant;
import static io.tokenctl.store.Columns.millis;

import io.tokenctl.api.AppState;
import io.tokenctl.core.port.AppRows;
import io.tokenctl.core.port.Rows.AppRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The apps seen using tokens, in SQL. */
interface AppSql extends AppRows, Statements {
    @Override
    default Optional<AppRow> findApp(String tokenId, String app) {
        return h().createQuery("SELECT token_id, app, state, first_seen, last_seen FROM token_apps"
                        + " WHERE token_id = ? AND app = ?")
                .bind(0, tokenId).bind(1, app).map((rs, ctx) -> appRow(rs)).findOne();
    }

    @Override
    default void insertAppIfAbsent(String tokenId, String app, AppState state, Instant at) {
        h().createUpdate("INSERT INTO token_apps (token_id, app, state, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (token_id, app) DO NOTHING")
                .bind(0, tokenId).bind(1, app).bind(2, state.wire()).bind(3, millis(at)).bind(4, millis(at)).execute();
    }

    @Override
    default void setAppState(String tokenId, String app, AppState state, Instant at) {
        h().createUpdate("INSERT INTO token_apps (token_id, app, state, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (token_id, app) DO UPDATE SET state = excluded.state")
                .bind(0, tokenId).bind(1, app).bind(2, state.wire()).bind(3, millis(at)).bind(4, millis(at)).execute();
    }

    @Override
    default List<AppRow> apps(String tokenId) {
        return h().createQuery("SELECT token_id, app, state, first_seen, last_seen FROM token_apps WHERE token_id = ?"
                + " ORDER BY app").bind(0, tokenId).map((rs, ctx) -> appRow(rs)).list();
    }

    private static AppRow appRow(ResultSet rs) throws SQLException {
        return new AppRow(rs.getString(1), rs.getString(2), AppState.fromWire("state", rs.getString(3)),
                instant(rs, 4), instant(rs, 5));
    }
}
