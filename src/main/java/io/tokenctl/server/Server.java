package io.tokenctl.server;

import io.tokenctl.api.ErrorCode;
import io.tokenctl.api.ServedStore;
import io.tokenctl.api.TokenctlException;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code tokenctl serve}: the API as JSON over HTTP, on Jetty. Jetty reads requests without holding a worker
 * thread, so clients that trickle their requests (slowloris) cost a connection each, not a worker; a body is read
 * the same way, bounded in size and time. Each request is routed ({@link ApiRoutes}), answered as the caller its
 * Authorization header presents, and logged in one line that never holds a secret, a header or a query value.
 */
public final class Server implements AutoCloseable {
    /** The largest request body read. */
    static final int MAX_BODY = 64 * 1024;
    /** A body declared over {@link #MAX_BODY} but at most this is read and dropped before the 413 is sent. */
    static final int DRAIN_AT_MOST = 1024 * 1024;
    /** The longest a request may take to arrive, and a connection may sit idle. */
    static final int MAX_REQUEST_SECONDS = 10;
    static final int ACCEPTORS = 1;
    static final int SELECTORS = 1;

    /** Connections held open at once; beyond them new ones wait to be accepted. */
    static final int MAX_CONNECTIONS = 4096;

    private final org.eclipse.jetty.server.Server jetty;
    private final ServerConnector connector;

    private Server(org.eclipse.jetty.server.Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    /**
     * Listens as {@code options} say (port 0: any free one) and serves {@code store}'s API. Problems of the server
     * itself, and one line per request, go to {@code log}.
     */
    public static Server start(ServedStore store, ServeOptions options, Consumer<String> log) {
        Metrics metrics = new Metrics();
        Routes routes = ApiRoutes.of(store, options, metrics);
        return start(options, log, new Dispatch(routes, store, log, metrics));
    }

    /**
     * The server stack alone, with one handler for every request: listener, threads, limits and shutdown exactly
     * as {@link #start(ServedStore, ServeOptions, Consumer)} runs them. For benchmarks, which measure a route
     * against a trivial handler on the same stack.
     */
    public static Server start(ServeOptions options, Consumer<String> log, Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool(threads(), 4, 60_000);
        threads.setName("tokenctl-http");
        threads.setDaemon(true);
        org.eclipse.jetty.server.Server jetty = new org.eclipse.jetty.server.Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setIdleTimeout(MAX_REQUEST_SECONDS * 1000L);
        ServerConnector connector;
        if (options.tls()) {
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStore(Tls.keyStore(options));
            tls.setKeyStorePassword(new String(Tls.PASSWORD));
            http.addCustomizer(new SecureRequestCustomizer(false));
            connector = new ServerConnector(jetty, ACCEPTORS, SELECTORS, new SslConnectionFactory(tls, "http/1.1"),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(jetty, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http));
        }
        connector.setHost(options.listen().getAddress() == null || options.listen().getAddress().isAnyLocalAddress()
                ? null : options.listen().getAddress().getHostAddress());
        connector.setPort(options.listen().getPort());
        connector.setIdleTimeout(MAX_REQUEST_SECONDS * 1000L);
        connector.setAcceptQueueSize(256);
        jetty.addConnector(connector);
        jetty.addBean(new ConnectionLimit(MAX_CONNECTIONS, jetty));
        jetty.setErrorHandler(new JsonErrors());
        jetty.setHandler(handler);
        jetty.setStopTimeout(0);
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception ignored) {
                // it never started
            }
            if (e instanceof TokenctlException te) {
                throw te;
            }
            throw TokenctlException.failure("cannot listen on " + options.listen().getHostString() + ":"
                    + options.listen().getPort() + ": " + e.getMessage(), e);
        }
        return new Server(jetty, connector);
    }

    /**
     * Jetty's threads: its acceptor and selector, and a worker per core (at least two), so the cores stay busy while
     * one waits on the store. More cost latency under load: on 2 cores, 6 threads put verify's p99 at 6.6 ms and 4
     * at 2.6 ms at about the same throughput (bench/http.sh). Slow clients hold none of them while their request
     * arrives. {@code -Dtokenctl.http.threads=N} overrides it.
     */
    static int threads() {
        return Integer.getInteger("tokenctl.http.threads", 2 + Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** The address actually bound (the port chosen when 0 was asked for). */
    public InetSocketAddress address() {
        String host = connector.getHost() == null ? "0.0.0.0" : connector.getHost();
        return new InetSocketAddress(host, connector.getLocalPort());
    }

    /** Stops taking requests, lets those in flight finish (up to 5 s; about 1 s when none is), then stops. */
    @Override
    public void close() {
        stop(5_000);
    }

    /** Stops at once, cutting off requests in flight: for tests, which start and stop a server each. */
    public void stopNow() {
        stop(0);
    }

    private void stop(long graceMillis) {
        jetty.setStopTimeout(graceMillis);
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping is best effort: the process is going away
        }
    }

    /**
     * Runs until the process is told to stop (SIGTERM, Ctrl-C): then stops taking requests, lets those in flight
     * finish, and closes the store, which writes the last token use. The JVM waits for all of it, at most a minute.
     */
    public static void runUntilStopped(Server server, ServedStore store, Consumer<String> say, Runnable last) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            await(stopped, 60);
        }, "tokenctl-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            await(stop, Long.MAX_VALUE);
            server.close();
            store.close();
            say.accept("tokenctl serve: stopped");
        } finally {
            try {
                last.run();
            } finally {
                stopped.countDown();
            }
        }
    }

    private static void await(CountDownLatch latch, long seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- dispatch

    /** Finds the route, reads the body without holding a thread, runs the route as the caller, logs one line. */
    private static final class Dispatch extends Handler.Abstract {
        private final Routes routes;
        private final ServedStore store;
        private final Consumer<String> log;

        private final Metrics metrics;

        Dispatch(Routes routes, ServedStore store, Consumer<String> log, Metrics metrics) {
            this.routes = routes;
            this.store = store;
            this.log = log;
            this.metrics = metrics;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            long start = System.nanoTime();
            Routes.Match match;
            try {
                match = routes.find(request.getMethod(), segments(request));
            } catch (RuntimeException e) {
                Exchange ex = new Exchange(request, response, callback, Map.of(), new byte[0], store);
                answerFailure(ex, e);
                logLine(request, "-", ex, start);
                return true;
            }
            Routes.Match m = match;
            if (!m.route().body()) {
                // a bodiless route ignores a body some clients send anyway (InfluxDB's JS client, on GET and DELETE)
                run(m, request, response, callback, new byte[0], start);
                return true;
            }
            long declared = request.getLength();
            if (declared > MAX_BODY) {
                String why = "request body of " + declared + " bytes is over the " + MAX_BODY + "-byte limit";
                if (declared > DRAIN_AT_MOST) {
                    tooLarge(m, request, response, callback, start, why);
                } else {
                    // read what is on its way first: closing on unread bytes resets the connection, and the
                    // client would see no answer at all instead of the 413
                    Content.Source.asByteArrayAsync(request, (int) declared).orTimeout(MAX_REQUEST_SECONDS, TimeUnit.SECONDS)
                            .whenCompleteAsync((bytes, failure) -> tooLarge(m, request, response, callback, start, why),
                                    getServer().getThreadPool());
                }
                return true;
            }
            CompletableFuture<byte[]> body = Content.Source.asByteArrayAsync(request, MAX_BODY + 1);
            body.orTimeout(MAX_REQUEST_SECONDS, TimeUnit.SECONDS).whenCompleteAsync((bytes, failure) -> {
                if (failure == null && bytes.length <= MAX_BODY) {
                    run(m, request, response, callback, bytes, start);
                } else if (failure instanceof TimeoutException) {
                    Exchange ex = new Exchange(request, response, callback, m.params(), new byte[0], store);
                    ex.header("Connection", "close");
                    ex.error(408, "request timeout", "the request body did not arrive within " + MAX_REQUEST_SECONDS
                            + " s");
                    logLine(request, m.route().template(), ex, start);
                } else {
                    tooLarge(m, request, response, callback, start, "request body is over the " + MAX_BODY
                            + "-byte limit");
                }
            }, getServer().getThreadPool());
            return true;
        }

        private void tooLarge(Routes.Match m, Request request, Response response, Callback callback, long start,
                String why) {
            Exchange ex = new Exchange(request, response, callback, m.params(), new byte[0], store);
            ex.header("Connection", "close");
            ex.error(413, "request too large", why);
            logLine(request, m.route().template(), ex, start);
        }

        private void run(Routes.Match m, Request request, Response response, Callback callback, byte[] body,
                long start) {
            Exchange ex = new Exchange(request, response, callback, m.params(), body, store);
            try {
                m.route().handler().handle(ex);
            } catch (Exception e) {
                answerFailure(ex, e);
            }
            logLine(request, m.route().template(), ex, start);
        }

        private void answerFailure(Exchange ex, Exception e) {
            if (e instanceof TokenctlException te) {
                if (te.code() == ErrorCode.FAILURE || te.code() == ErrorCode.UNAVAILABLE) {
                    // the server's own trouble (a store path, SQLite's state) is for its log, not for callers
                    String why = io.tokenctl.api.Redact.forTerminal(te.getMessage());
                    log.accept("tokenctl serve: " + (why.length() > 500 ? why.substring(0, 500) + "…" : why));
                    ex.error(te.code().httpStatus(), te.code().httpCode(), te.code() == ErrorCode.UNAVAILABLE
                            ? "the store is busy or unavailable; try again" : "internal error; see the server's log");
                    return;
                }
                ex.error(te);
            } else if (e instanceof Routes.MethodNotAllowed na) {
                ex.header("Allow", String.join(", ", na.allowed));
                ex.error(405, "method not allowed", ex.method() + " is not allowed here; use "
                        + String.join(" or ", na.allowed));
            } else if (e instanceof Exchange.UnsupportedMediaType um) {
                ex.error(415, "unsupported media type", um.getMessage());
            } else {
                // the class and where in tokenctl, not the message: it might quote what the request held
                StackTraceElement where = null;
                for (StackTraceElement at : e.getStackTrace()) {
                    if (where == null || at.getClassName().startsWith("io.tokenctl.")) {
                        where = at;
                        if (at.getClassName().startsWith("io.tokenctl.")) {
                            break;
                        }
                    }
                }
                log.accept("tokenctl serve: internal error (" + e.getClass().getName()
                        + (where != null ? " at " + where : "") + ")");
                ex.error(500, ErrorCode.FAILURE.httpCode(), "internal error; see the server's log");
            }
        }

        /** Method, route template, status, time and the acting token's id: never a value the request carried. */
        private void logLine(Request request, String template, Exchange ex, long start) {
            String token = ex.actingTokenId();
            long nanos = System.nanoTime() - start;
            String outcome = ex.outcome();
            if (outcome == null && (template.equals(ApiRoutes.VERIFY) || template.equals(ApiRoutes.AUTHZ))) {
                // refused before an answer was decided (the caller's own token, a bad body, the store away)
                outcome = switch (ex.status()) {
                    case 401 -> "unauthenticated";
                    case 403 -> "forbidden";
                    case 503 -> "unavailable";
                    default -> ex.status() >= 500 ? "error" : "bad_request";
                };
            }
            metrics.request(request.getMethod(), template, ex.status(), nanos, outcome);
            long tenths = nanos / 100_000;
            StringBuilder line = new StringBuilder(96).append("tokenctl serve: ");
            String method = request.getMethod();
            for (int i = 0; i < method.length(); i++) {
                char c = method.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    line.append(c);
                }
            }
            line.append(' ').append(template).append(' ').append(ex.status()).append(' ').append(tenths / 10).append('.')
                    .append(tenths % 10).append(" ms");
            if (token != null) {
                line.append(" token ").append(token);
            }
            log.accept(line.toString());
        }
    }

    /** The path's segments, each percent-decoded as UTF-8; what is not valid UTF-8 is refused. */
    static List<String> segments(Request request) {
        String raw = request.getHttpURI().getPath();
        if (raw == null || !raw.startsWith("/")) {
            throw TokenctlException.notFound("no route here; see /api/v2/openapi.json");
        }
        List<String> out = new ArrayList<>();
        for (String s : raw.substring(1).split("/", -1)) {
            out.add(decode(s));
        }
        return out;
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); ) {
            int c = segment.codePointAt(i);
            if (c == '%') {
                int hi = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(segment.charAt(i + 2), 16);
                if (lo < 0) {
                    throw TokenctlException.usage("the request path has a malformed %-escape");
                }
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                byte[] b = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw TokenctlException.usage("the request path is not valid UTF-8");
        }
    }

    /** What Jetty answers itself (a malformed request line or URI, headers too large): InfluxDB's JSON, no page. */
    private static final class JsonErrors extends ErrorHandler {
        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                Callback callback) {
            String errorCode = switch (code) {
                case 404 -> "not found";
                case 405 -> "method not allowed";
                case 413, 431 -> "request too large";
                case 415 -> "unsupported media type";
                case 500 -> "internal error";
                default -> code >= 500 ? "internal error" : "invalid";
            };
            byte[] body = io.tokenctl.api.Json.write(new io.tokenctl.api.Results.ErrorBody(errorCode,
                    "the request could not be read (HTTP " + code + ")"));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
            response.getHeaders().put("X-Platform-Error-Code", errorCode);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }
}
