package io.tokenctl.core.port;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where a store is: an SQLite file, or a PostgreSQL database by JDBC URL with where its password comes from
 * (asked only when connecting, and never part of the URL or of this value's text).
 */
public record StoreAddress(Path file, String url, Supplier<String> password) {
    public static StoreAddress file(Path file) {
        return new StoreAddress(file, null, null);
    }

    public static StoreAddress database(String url, Supplier<String> password) {
        return new StoreAddress(null, url, password == null ? () -> null : password);
    }

    public boolean isFile() {
        return file != null;
    }

    /** The file's absolute path or the URL: what messages name. */
    @Override
    public String toString() {
        return file != null ? file.toAbsolutePath().toString() : url;
    }
}
