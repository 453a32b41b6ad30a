package io.tokenctl.core;

import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.port.Storage;
import io.tokenctl.core.port.Storage.Copied;
import io.tokenctl.core.port.StoreAddress;
import io.tokenctl.core.port.StoreOpener;
import io.tokenctl.core.port.StoreTx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A store moving house: every org, user, token hash, app, key and audit row of one store into a new one (an
 * SQLite file into PostgreSQL, or back). The source must be set up; the target must hold nothing; a target file
 * the copy made is removed again when the copy fails.
 */
public final class StoreCopying {
    private StoreCopying() {
    }

    public static List<Copied> copy(StoreOpener opener, StoreAddress from, StoreAddress to) {
        if (from.toString().equals(to.toString())) {
            throw TokenctlException.usage("--from and --to are the same store (" + from + "); copy into a new one");
        }
        opener.check(from);
        opener.check(to);
        boolean newFile = to.isFile() && !Files.exists(to.file());
        try (Storage source = opener.open(from, false, Engine.BUSY_WAIT)) {
            if (source.read(StoreTx::countOrgs) == 0) {
                throw TokenctlException.failure("store " + from + " is not set up: there is nothing to copy", null);
            }
            try (Storage target = opener.open(to, true, Engine.BUSY_WAIT)) {
                if (target.read(StoreTx::countOrgs) > 0) {
                    throw TokenctlException.conflict("store " + to + " is already set up; a copy goes into a new,"
                            + " empty store only, and nothing was written");
                }
                return source.copyInto(target);
            }
        } catch (RuntimeException e) {
            if (newFile) {
                removeQuietly(to.file());
            }
            throw e;
        }
    }

    private static void removeQuietly(Path file) {
        for (String suffix : List.of("", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException ignored) {
                // what is left is an empty store, which the next copy takes
            }
        }
    }
}
