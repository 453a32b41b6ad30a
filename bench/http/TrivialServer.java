import io.tokenctl.server.ServeOptions;
import io.tokenctl.server.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * P3's baseline (bench/http.sh): tokenctl serve's own server stack (Jetty, its connector, threads and limits,
 * through io.tokenctl.server.Server) with a handler that does no work: it reads the body as serve's routes do
 * (without holding a thread, then on a worker) and answers a fixed 200 JSON of the same kind. What verify costs
 * over HTTP is the difference.
 */
public final class TrivialServer {
    private static final byte[] ANSWER = "{\"active\":true}".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        Server server = Server.start(ServeOptions.plain(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                System.err::println, new Handler.Abstract() {
                    @Override
                    public boolean handle(Request request, Response response, Callback callback) {
                        Content.Source.asByteArrayAsync(request, 64 * 1024 + 1).whenCompleteAsync((body, failure) -> {
                            response.setStatus(200);
                            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
                            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                            response.write(true, ByteBuffer.wrap(ANSWER), callback);
                        }, getServer().getThreadPool());
                        return true;
                    }
                });
        System.out.println("listening on http://127.0.0.1:" + server.address().getPort());
        System.out.flush();
        Thread.currentThread().join();
    }
}
