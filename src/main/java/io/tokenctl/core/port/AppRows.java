package io.tokenctl.core.port;

import io.tokenctl.api.AppState;
import io.tokenctl.core.port.Rows.AppRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The apps seen using a token, each allowed, pending or denied. */
public interface AppRows {
    Optional<AppRow> findApp(String tokenId, String app);

    /** Records an app's first use with the given state; a concurrent first use keeps the earlier row. */
    void insertAppIfAbsent(String tokenId, String app, AppState state, Instant at);

    /** Sets an app's state, recording the app if it was never seen (approval ahead of first use). */
    void setAppState(String tokenId, String app, AppState state, Instant at);

    /** A token's apps, by name. */
    List<AppRow> apps(String tokenId);
}
