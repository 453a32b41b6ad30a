package io.tokenctl.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.tokenctl.api.ApiJson;
import io.tokenctl.api.Build;
import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.Redact;
import io.tokenctl.api.Requests.Verify;
import io.tokenctl.api.Results.Verification;
import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code tokenctl serve}: the API as JSON over HTTP, on the JDK's own server. Each route reads a request body
 * into an api/ record, calls the {@link TokenService} it was given, and writes the answer with {@link ApiJson},
 * the same shapes as the CLI's {@code --json}. Failures are the closed family of {@link ErrorCode}, each with its
 * HTTP status and an InfluxDB-style body {@code {"code": ..., "message": ...}}. Nothing of a request is logged:
 * its body may hold a secret.
 */
public final class Server implements AutoCloseable {
    /** The largest request body read; a verify body is well under 1 KiB. */
    static final int MAX_BODY = 64 * 1024;
    /** The longest a request may take to arrive, and its answer to be taken. */
    static final int MAX_REQUEST_SECONDS = 10;
    private static final JsonFactory JSON = new JsonFactory();

    private final HttpServer http;
    private final ExecutorService pool;
    private final Consumer<String> log;

    private Server(HttpServer http, ExecutorService pool, Consumer<String> log) {
        this.http = http;
        this.pool = pool;
        this.log = log;
    }

    /**
     * Listens on {@code address} (port 0: any free one) and serves {@code service}: {@code GET /health} and
     * {@code POST /api/v2/verify}. Problems of the server itself (not of requests) go to {@code log}, one line each.
     */
    public static Server start(TokenService service, InetSocketAddress address, Consumer<String> log) {
        Map<String, Route> routes = Map.of(
                "/health", new Route("GET", exchange -> health(exchange)),
                "/api/v2/verify", new Route("POST", exchange -> verify(service, exchange)));
        return start(address, log, exchange -> route(routes, exchange, log));
    }

    /**
     * The server stack alone, with one handler for every path: the listener, its worker threads and its shutdown,
     * exactly as {@link #start(TokenService, InetSocketAddress, Consumer)} runs them. For benchmarks, which
     * measure a route against a trivial handler on the same stack.
     */
    public static Server start(InetSocketAddress address, Consumer<String> log, HttpHandler handler) {
        // The JDK's server reads these once, when its configuration class loads: set before the first server is
        // made, unless the operator set them (TOKENCTL_JAVA_OPTS=-D...).
        // It writes an answer's headers and body apart; with Nagle's algorithm on, a keep-alive client's delayed
        // ACK then holds every answer ~40 ms (measured: 360 requests/s, p50 44 ms).
        defaultProperty("sun.net.httpserver.nodelay", "true");
        // A worker thread reads a request's headers and body: without a limit, a few clients sending a byte now
        // and then (slowloris) hold every worker and the server answers no one. Such a request is cut off after
        // MAX_REQUEST_SECONDS, an answer the client doesn't read after as long.
        defaultProperty("sun.net.httpserver.maxReqTime", Integer.toString(MAX_REQUEST_SECONDS));
        defaultProperty("sun.net.httpserver.maxRspTime", Integer.toString(MAX_REQUEST_SECONDS));
        HttpServer http;
        try {
            http = HttpServer.create(address, 256);
        } catch (IOException e) {
            throw TokenctlException.failure("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage(), e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers(), new Workers());
        http.setExecutor(pool);
        http.createContext("/", handler);
        http.start();
        return new Server(http, pool, log);
    }

    /**
     * Worker threads: two per core, so the cores stay busy while one waits on the store. More cost latency: on 2
     * cores under load, 8 workers doubled verify's p99 (5.7-6.0 ms against 2.9-3.1 ms with 4, bench/http.sh).
     * Clients that stall their requests hold a worker for at most {@link #MAX_REQUEST_SECONDS} either way.
     */
    static int workers() {
        return Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /** The address actually bound (the port chosen when 0 was asked for). */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** Stops accepting, lets requests in progress finish (up to a second), then stops the workers. */
    @Override
    public void close() {
        http.stop(1);
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                log.accept("tokenctl serve: requests still running after 5 s were cut off");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- routing

    private interface Action {
        void handle(HttpExchange exchange) throws IOException;
    }

    private record Route(String method, Action action) {
    }

    private static void route(Map<String, Route> routes, HttpExchange exchange, Consumer<String> log) {
        try (exchange) {
            try {
                if (exchange.getRequestURI().getRawQuery() != null) {
                    // a token in a URL ends up in proxies' and servers' access logs: refuse the whole request
                    throw TokenctlException.usage("query parameters are not accepted; send values in the request body");
                }
                String path = exchange.getRequestURI().getPath();
                Route route = routes.get(path);
                if (route == null) {
                    throw TokenctlException.notFound("no route " + path + "; this server answers "
                            + String.join(", ", new java.util.TreeSet<>(routes.keySet())));
                }
                if (!route.method().equals(exchange.getRequestMethod())) {
                    exchange.getResponseHeaders().set("Allow", route.method());
                    refuse(exchange, 405, error("method not allowed", exchange.getRequestMethod() + " " + path
                            + " is not allowed; use " + route.method()));
                    return;
                }
                route.action().handle(exchange);
            } catch (TooLarge e) {
                exchange.getResponseHeaders().set("Connection", "close");
                refuse(exchange, 413, error("request too large", e.getMessage()));
            } catch (TokenctlException e) {
                if (e.code() == ErrorCode.FAILURE) {
                    log.accept("tokenctl serve: " + e.getMessage());
                }
                refuse(exchange, e.code().httpStatus(), error(e.code().httpCode(), e.getMessage()));
            } catch (IOException e) {
                // the client went away mid-request: nothing to answer
            } catch (RuntimeException e) {
                // the class and where, not the message: it might quote what the request held
                StackTraceElement[] at = e.getStackTrace();
                log.accept("tokenctl serve: internal error (" + e.getClass().getName()
                        + (at.length > 0 ? " at " + at[0] : "") + ")");
                refuse(exchange, ErrorCode.FAILURE.httpStatus(), error(ErrorCode.FAILURE.httpCode(), "internal error; see the server's log"));
            }
        } catch (IOException e) {
            // the answer could not be written: the client is gone
        }
    }

    // --- routes

    private static void health(HttpExchange exchange) throws IOException {
        skip(exchange.getRequestBody(), MAX_BODY);
        send(exchange, 200, json(g -> {
            g.writeStartObject();
            g.writeStringField("name", "tokenctl");
            g.writeStringField("message", "ready for verifies");
            g.writeStringField("status", "pass");
            g.writeStringField("version", Build.version());
            g.writeEndObject();
        }));
    }

    /**
     * RFC 7662 introspection: a decided verify is 200 with {@code active} true or false (and why not), whatever
     * the answer; only a request that can't be decided (a malformed body, a bad address or permission) is an error.
     */
    private static void verify(TokenService service, HttpExchange exchange) throws IOException {
        Verify request = VerifyBody.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body(exchange));
        Verification v = service.verify(request);
        send(exchange, 200, json(g -> ApiJson.writeVerification(g, v)));
    }

    // --- bodies

    /** Thrown when a body is over {@link #MAX_BODY}. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(String message) {
            super(message);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            declared = -1; // the JDK's server answers a malformed length itself
        }
        if (declared > MAX_BODY) {
            throw new TooLarge("request body of " + declared + " bytes is over the " + MAX_BODY + "-byte limit");
        }
        // not closed here: an answer to a refused request first reads what is left (see refuse)
        byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            throw new TooLarge("request body is over the " + MAX_BODY + "-byte limit");
        }
        return bytes;
    }

    /**
     * Answers a request that failed, after reading (a bounded amount of) what is left of its body: a client still
     * sending would otherwise see its connection reset instead of the answer.
     */
    private static void refuse(HttpExchange exchange, int status, byte[] body) throws IOException {
        skip(exchange.getRequestBody(), 16L * MAX_BODY);
        send(exchange, status, body);
    }

    private static void skip(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        for (long left = limit; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }

    private interface JsonWriter {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] json(JsonWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] error(String code, String message) {
        return json(g -> {
            g.writeStartObject();
            g.writeStringField("code", code);
            g.writeStringField("message", Redact.forTerminal(message));
            g.writeEndObject();
        });
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        // an introspection answer describes a live token: no cache may keep it (RFC 7662, section 4)
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Daemon worker threads, named for thread dumps. */
    private static final class Workers implements ThreadFactory {
        private final AtomicInteger n = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "tokenctl-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
