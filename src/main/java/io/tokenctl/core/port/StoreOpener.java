package io.tokenctl.core.port;

import java.time.Duration;
import java.util.ServiceLoader;

/** Opens the {@link Storage} at an address: the store adapter, found on the class path. */
public interface StoreOpener {
    /**
     * Opens the store at {@code where}, bringing its schema up to date. {@code create} makes a missing or empty
     * file a store; a database is made one whenever it holds no tokenctl schema yet. Statements wait at most
     * {@code busyWait} for another writer.
     */
    Storage open(StoreAddress where, boolean create, Duration busyWait);

    /** Refuses an address that can't name a store (a database URL that holds a password), before anything opens. */
    void check(StoreAddress where);

    /** Loads, on a second thread while a launcher parses its command line, what opening a store costs anyway. */
    void warmUp();

    /** The adapter this build ships (declared in META-INF/services). */
    static StoreOpener installed() {
        return InstalledOpener.OPENER;
    }
}

/** The adapter, looked up once, on first use. */
final class InstalledOpener {
    static final StoreOpener OPENER = ServiceLoader.load(StoreOpener.class, StoreOpener.class.getClassLoader())
            .findFirst().orElseThrow(() -> new IllegalStateException("no store adapter on the class path"));

    private InstalledOpener() {
    }
}
