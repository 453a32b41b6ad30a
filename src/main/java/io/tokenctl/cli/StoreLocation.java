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

    /**
     * A database, its password read when connecting: from {@code passwordFile} (its first line), else the
     * environment's TOKENCTL_DB_PASSWORD, else none (pgjdbc then reads ~/.pgpass).
     */
    public static StoreLocation database(String url, Path passwordFile, Context ctx) {
        return new StoreLocation(null, url, passwordFile != null ? () -> passwordIn(passwordFile)
                : () -> ctx.env("TOKENCTL_DB_PASSWORD"));
    }

    /** The first line of the password file, without its line end. */
    private static String passwordIn(Path file) {
        try {
            String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            String line = nl < 0 ? text : text.substring(0, nl);
            return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        } catch (java.io.IOException e) {
            throw io.tokenctl.api.TokenctlException.usage("--db-password-file: cannot read " + file + ": "
                    + e.getMessage());
        }
    }

    /** The file's absolute path or the URL (which holds no password): what the listening line names. */
    @Override
    public String toString() {
        return file != null ? file.toAbsolutePath().toString() : dbUrl;
    }
}
