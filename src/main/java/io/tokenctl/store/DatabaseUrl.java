package io.tokenctl.store;

import io.tokenctl.api.Limits;
import io.tokenctl.api.TokenctlException;
import java.util.Locale;
import java.util.Properties;

/** What a PostgreSQL store's JDBC URL may say, and the connection settings tokenctl adds to it. */
final class DatabaseUrl {
    static final String PREFIX = "jdbc:postgresql://";

    private DatabaseUrl() {
    }

    /**
     * The URL, if it is a PostgreSQL one without a password in it: a password on the command line is in the
     * shell's history and in every process listing.
     */
    static String check(String url) {
        if (url == null || !url.startsWith(PREFIX) || url.length() == PREFIX.length()) {
            throw TokenctlException.usage("--db-url: " + Limits.quoted(String.valueOf(url)) + " is not a PostgreSQL"
                    + " JDBC URL; use e.g. jdbc:postgresql://db.example.com:5432/tokenctl?user=tokenctl");
        }
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String param : url.substring(q + 1).split("&")) {
                String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (name.equals("password") || name.equals("sslpassword")) {
                    throw TokenctlException.usage("--db-url: the URL holds a " + name + "; a password never goes on"
                            + " the command line: give it in TOKENCTL_DB_PASSWORD, --db-password-file F or ~/.pgpass");
                }
            }
        }
        String authority = url.substring(PREFIX.length()).split("[/?]", 2)[0];
        if (authority.contains("@")) {
            throw TokenctlException.usage("--db-url: user:password@host is not how pgjdbc reads a URL, and a password"
                    + " never goes on the command line; use jdbc:postgresql://HOST:PORT/DB?user=U and give the"
                    + " password in TOKENCTL_DB_PASSWORD, --db-password-file F or ~/.pgpass");
        }
        return url;
    }

    /**
     * The password (null: pgjdbc reads ~/.pgpass, or PGPASSFILE), and bounds on every wait: connecting, a
     * statement's answer, and a dead peer noticed by TCP keep-alive.
     */
    static Properties connectionProperties(String password) {
        Properties p = new Properties();
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "tokenctl");
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "30");
        p.setProperty("tcpKeepAlive", "true");
        // a server's error detail quotes the row's values ("Key (...)=(...)"): never into a message or a log
        p.setProperty("logServerErrorDetail", "false");
        // a batch of inserts (a store copy, a bulk load) goes as multi-row statements
        p.setProperty("reWriteBatchedInserts", "true");
        return p;
    }
}
