import com.sun.net.httpserver.HttpExchange;
import io.tokenctl.server.Server;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * P3's baseline (bench/http.sh): tokenctl serve's own server stack (the JDK's HttpServer, its workers and
 * settings, through io.tokenctl.server.Server) with a handler that does no work: it reads the body and answers a
 * fixed 200 JSON of the same kind. What verify costs over HTTP is the difference.
 */
public final class TrivialServer {
    private static final byte[] ANSWER = "{\"active\":true}".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        Server server = Server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), System.err::println,
                TrivialServer::answer);
        System.out.println("listening on http://127.0.0.1:" + server.address().getPort());
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, ANSWER.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(ANSWER);
            }
        }
    }
}
