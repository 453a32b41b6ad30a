package io.tokenctl.cli;

import io.tokenctl.api.Cidr;
import io.tokenctl.api.Limits;
import io.tokenctl.api.ServedStore;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.server.ServeOptions;
import io.tokenctl.server.Server;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serve the store over HTTP: every operation under /api/v2 (shaped like InfluxDB's: /authorizations,",
            "/users, /orgs, /audit, /me), POST /api/v2/verify (RFC 7662), GET /api/v2/authz for reverse proxies'",
            "forward auth, GET /health and the OpenAPI document at /api/v2/openapi.json. Each request acts as the",
            "token in its Authorization header (Token or Bearer). On a store file that does not exist yet it makes",
            "one and waits for `tokenctl --host URL setup`. Prints the address it listens on, logs one line per",
            "request (never a secret), and runs until stopped (SIGTERM or Ctrl-C), writing token use every second.",
            "With --db-url it serves a PostgreSQL database instead, which several instances may share: a change made",
            "through any of them is honoured by all within a second. The password never goes on the command line:",
            "TOKENCTL_DB_PASSWORD, --db-password-file, or ~/.pgpass."},
        footerHeading = "%nExamples:%n",
        footer = {"  tokenctl serve --store /var/lib/tokenctl/tokenctl.db --listen 127.0.0.1:8086",
            "  tokenctl serve --listen :8443 --tls-cert cert.pem --tls-key key.pem",
            "  tokenctl serve --db-url 'jdbc:postgresql://db:5432/tokenctl?user=tokenctl' --db-password-file /run/secrets/db",
            "  curl -s -d \"token=$TOKEN\" -d require=read:buckets http://127.0.0.1:8086/api/v2/verify"})
final class ServeCommand extends BaseCommand {
    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8086",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; port 0 picks a free one; :PORT is every interface)")
    String listen;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate (chain) to serve HTTPS with")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM PKCS#8 private key of --tls-cert")
    Path tlsKey;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = "PKCS#12 keystore instead of --tls-cert/--tls-key (password: env TOKENCTL_TLS_KEYSTORE_PASSWORD)")
    Path tlsKeystore;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "Serve a PostgreSQL database (jdbc:postgresql://HOST:PORT/DB?user=U) instead of a store file")
    String dbUrl;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "File holding the database password (else env TOKENCTL_DB_PASSWORD, else ~/.pgpass)")
    Path dbPasswordFile;

    @Option(names = "--introspection-auth", paramLabel = "MODE", defaultValue = "optional",
            description = "optional (default) or required: whether POST /api/v2/verify refuses callers without a token of their own")
    String introspectionAuth;

    @Option(names = "--trusted-proxy", paramLabel = "CIDR",
            description = "A proxy trusted to name the client in X-Forwarded-For, for --allow-ip checks (repeatable)")
    List<String> trustedProxies;

    @Override
    boolean opensService() {
        return false;
    }

    @Override
    void run(TokenService unused) {
        ServeOptions options = options();
        PrintWriter err = err();
        // one line per request, handed to a writer thread: a worker never waits on stderr
        LogWriter requests = new LogWriter(err);
        Consumer<String> log = requests::accept;
        StoreLocation where = location();
        ServedStore store = root().servedStore(where, line -> say(err, "tokenctl serve: " + line));
        Server server;
        try {
            server = Server.start(store, options, log);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        InetSocketAddress bound = server.address();
        out().println("tokenctl serve: listening on " + (options.tls() ? "https" : "http") + "://" + hostPort(bound)
                + " (store " + where + ")");
        out().flush();
        String note = options.tls() ? null : exposureNote(bound);
        if (note != null) {
            say(err, note);
        }
        // the request log's last lines are written before the JVM may halt
        Server.runUntilStopped(server, store, line -> say(err, line), requests::close);
    }

    /** The store file (--store, the environment, the profile) or, with --db-url, the database. */
    StoreLocation location() {
        if (dbUrl == null) {
            if (dbPasswordFile != null) {
                throw TokenctlException.usage("--db-password-file is for --db-url; a store file has no password");
            }
            return StoreLocation.file(root().storePath());
        }
        if (root().storeFlagGiven()) {
            throw TokenctlException.usage("--store and --db-url exclude each other: serve a store file or a database;"
                    + " give one");
        }
        return StoreLocation.database(dbUrl, dbPasswordFile, root().ctx);
    }

    /**
     * Lines written by a thread of their own, in batches: the request log of a server under load would otherwise
     * make its workers queue on stderr. Bounded: when the writer falls far behind, lines are dropped and counted.
     */
    static final class LogWriter implements AutoCloseable {
        static final int MAX_WAITING = 65_536;
        private final java.util.concurrent.ConcurrentLinkedQueue<String> lines = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
        private final PrintWriter err;
        private final Thread writer;
        private volatile boolean closing;

        LogWriter(PrintWriter err) {
            this.err = err;
            this.writer = new Thread(this::drain, "tokenctl-log");
            writer.setDaemon(true);
            writer.start();
        }

        void accept(String line) {
            if (waiting.incrementAndGet() > MAX_WAITING) {
                waiting.decrementAndGet();
                dropped.incrementAndGet();
                return;
            }
            lines.add(line);
        }

        /** Writes what waits, a batch at a time in one write, a few times a second at most. */
        private void drain() {
            String nl = System.lineSeparator();
            StringBuilder batch = new StringBuilder(64 * 1024);
            while (true) {
                boolean last = closing;
                for (String l = lines.poll(); l != null; l = lines.poll()) {
                    waiting.decrementAndGet();
                    batch.append(l).append(nl);
                    if (batch.length() > 1 << 20) {
                        break;
                    }
                }
                long lost = dropped.getAndSet(0);
                if (lost > 0) {
                    batch.append("tokenctl serve: ").append(lost).append(" request log lines dropped (stderr too slow)")
                            .append(nl);
                }
                if (batch.length() > 0) {
                    synchronized (err) {
                        err.print(batch);
                        err.flush();
                    }
                    batch.setLength(0);
                } else if (last) {
                    return;
                } else {
                    java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
                }
            }
        }

        @Override
        public void close() {
            closing = true;
            try {
                writer.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private ServeOptions options() {
        if (tlsCert == null && tlsKey != null) {
            throw TokenctlException.usage("--tls-key needs --tls-cert");
        }
        if (tlsKeystore != null && tlsCert != null) {
            throw TokenctlException.usage("--tls-keystore and --tls-cert exclude each other; give one");
        }
        boolean required = switch (introspectionAuth) {
            case "optional" -> false;
            case "required" -> true;
            default -> throw TokenctlException.usage("--introspection-auth: " + Limits.quoted(introspectionAuth)
                    + " is not valid; use optional or required");
        };
        List<Cidr> proxies = new java.util.ArrayList<>();
        if (trustedProxies != null) {
            trustedProxies.forEach(c -> proxies.add(Cidr.parse("--trusted-proxy", c)));
        }
        return new ServeOptions(address(listen), tlsCert, tlsKey, tlsKeystore,
                root().ctx.env("TOKENCTL_TLS_KEYSTORE_PASSWORD"), required, proxies);
    }

    private static void say(PrintWriter err, String line) {
        synchronized (err) {
            err.println(line);
            err.flush();
        }
    }

    /** {@code HOST:PORT}, {@code [IPV6]:PORT} or {@code :PORT} (every interface). */
    static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        String port = colon < 0 ? "" : text.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (colon < 0 || p < 0 || p > 65535 || host.contains(":") && !text.startsWith("[")) {
            throw TokenctlException.usage("--listen " + text + " is not HOST:PORT; use e.g. 127.0.0.1:8086,"
                    + " [::1]:8086, :8086 (every interface) or 127.0.0.1:0 (a free port)");
        }
        if (host.isEmpty()) {
            return new InetSocketAddress(p);
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), p);
        } catch (UnknownHostException e) {
            throw TokenctlException.usage("--listen " + text + ": unknown host " + host
                    + "; use an address such as 127.0.0.1 or a name this machine resolves");
        }
    }

    /** A warning when the server is reachable from other machines: it speaks plain HTTP, tokens in the clear. */
    static String exposureNote(InetSocketAddress bound) {
        if (bound.getAddress().isLoopbackAddress()) {
            return null;
        }
        return "tokenctl serve: note: " + hostPort(bound) + " is reachable from other machines over plain HTTP, so"
                + " tokens cross the network unencrypted; put a TLS-terminating proxy in front, or listen on 127.0.0.1";
    }

    private static String hostPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
