package io.scoreline.sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A JDK HTTP server on the loopback interface, one virtual thread per request. */
public final class SimHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService silencer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("sim-silence").factory());
    private final Function<SimRequest, Reply> handler;

    private SimHttpServer(HttpServer server, Function<SimRequest, Reply> handler) {
        this.server = server;
        this.handler = handler;
    }

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving. */
    public static SimHttpServer start(int port, Function<SimRequest, Reply> handler) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            SimHttpServer sim = new SimHttpServer(http, handler);
            http.createContext("/", sim::serve);
            http.setExecutor(sim.executor);
            http.start();
            return sim;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @SuppressWarnings("FutureReturnValueIgnored") // a silenced reply closes later on its own; nothing waits for it
    private void serve(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            URI uri = exchange.getRequestURI();
            SimRequest request = new SimRequest(
                    exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), headers, in.readAllBytes());
            Reply reply;
            try {
                reply = handler.apply(request);
            } catch (RuntimeException e) {
                LOG.warn("simulator failed on {} {}", request.method(), request.path(), e);
                reply = Reply.json(
                        500,
                        List.of(Map.of("errorCode", "UNKNOWN_EXCEPTION", "message", "An unexpected error occurred.")));
            }
            switch (reply) {
                case Reply.Response response -> send(exchange, response);
                case Reply.Silence silence ->
                    silencer.schedule(exchange::close, silence.holdFor().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private static void send(HttpExchange exchange, Reply.Response response) throws IOException {
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        boolean noBody = response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        silencer.shutdownNow();
        executor.shutdownNow();
    }
}
