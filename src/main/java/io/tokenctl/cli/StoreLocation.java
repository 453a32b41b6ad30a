package io.tokenctl.cli;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The store a server serves: a file ({@code file}), or a PostgreSQL database by JDBC URL ({@code dbUrl}) with where
 * its password comes from (read when connecting, null when pgjdbc is to read ~/.pgpass). Exactly one of the two.
 */
public record StoreLocation(Path file, String dbUrl, Supplier<String> dbPassword) {
    public static StoreLocation file(Path file) {
        return new StoreLocation(file, null, null);
    }

    /** The file's absolute path or the URL (which holds no password): what the listening line names. */
    @Override
    public String toString() {
        return file != null ? file.toAbsolutePath().toString() : dbUrl;
    }
}
