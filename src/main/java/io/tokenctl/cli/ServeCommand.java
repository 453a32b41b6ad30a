package io.tokenctl.cli;

import io.tokenctl.api.TokenService;
import io.tokenctl.api.TokenctlException;
import io.tokenctl.core.LocalTokenService;
import io.tokenctl.server.Server;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serve the store over HTTP: GET /health, and POST /api/v2/verify, which answers like RFC 7662",
            "introspection (JSON or form body: token, app, ip, org, require). Prints the address it listens on,",
            "then runs until stopped (SIGTERM or Ctrl-C), writing token use to the store every second.",
            "A revocation made by another process on the same store is honoured within one second."},
        footerHeading = "%nExamples:%n",
        footer = {"  tokenctl serve --store /var/lib/tokenctl/tokenctl.db --listen 127.0.0.1:8086",
            "  curl -s -d \"token=$TOKEN\" -d require=read:buckets http://127.0.0.1:8086/api/v2/verify"})
final class ServeCommand extends BaseCommand {
    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8086",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; port 0 picks a free one; :PORT is every interface)")
    String listen;

    @Override
    boolean opensService() {
        return false;
    }

    @Override
    void run(TokenService unused) {
        InetSocketAddress address = address(listen);
        PrintWriter err = err();
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        try (LocalTokenService service = root().localService().notes(line -> say(err, "tokenctl serve: " + line))) {
            service.openStore();
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tokenctl-usage-flush");
                t.setDaemon(true);
                return t;
            });
            // the JVM halts once its hooks return: this one waits for the stop below (requests in progress, the
            // timer, then the last flush, which may wait out another process's write), at most a minute
            Thread hook = new Thread(() -> {
                stop.countDown();
                await(stopped::await, 60);
            }, "tokenctl-serve-stop");
            try (Server server = Server.start(service, address, line -> say(err, line))) {
                timer.scheduleWithFixedDelay(() -> flush(service, err), 1, 1, TimeUnit.SECONDS);
                Runtime.getRuntime().addShutdownHook(hook);
                InetSocketAddress bound = server.address();
                out().println("tokenctl serve: listening on http://" + hostPort(bound) + " (store "
                        + root().storePath().toAbsolutePath() + ")");
                out().flush();
                String note = exposureNote(bound);
                if (note != null) {
                    say(err, note);
                }
                await(stop::await, Long.MAX_VALUE);
            } finally {
                timer.shutdown();
                await(timer::awaitTermination, 5);
            }
            // the server is closed: what the last requests counted is written by close(), just below
            say(err, "tokenctl serve: stopped");
        } finally {
            stopped.countDown();
        }
    }

    private static void flush(LocalTokenService service, PrintWriter err) {
        try {
            service.flushUsage();
        } catch (RuntimeException e) {
            say(err, "tokenctl serve: writing token use failed (it is kept and tried again): " + e.getMessage());
        }
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

    /** A latch's or an executor's timed wait. */
    private interface TimedWait {
        boolean await(long time, TimeUnit unit) throws InterruptedException;
    }

    private static void await(TimedWait wait, long seconds) {
        try {
            wait.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
