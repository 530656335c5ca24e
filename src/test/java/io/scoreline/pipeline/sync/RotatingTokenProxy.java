package io.scoreline.pipeline.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A real HTTP server in front of the HubSpot simulator that plays a portal whose refresh tokens
 * rotate (the simulator keeps one refresh token forever): every successful refresh answers with a
 * new refresh token and invalidates the one it was given. Everything else is forwarded unchanged.
 * It also counts refresh requests, so tests can see how many were made.
 */
final class RotatingTokenProxy implements AutoCloseable {

    private static final Set<String> FORWARDED = Set.of("authorization", "content-type", "accept");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI target;
    private final String simulatorRefreshToken;
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile String current;

    RotatingTokenProxy(URI target, String simulatorRefreshToken) {
        this.target = target;
        this.simulatorRefreshToken = simulatorRefreshToken;
        this.current = simulatorRefreshToken;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    int refreshes() {
        return refreshes.get();
    }

    String currentRefreshToken() {
        return current;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var path = exchange.getRequestURI().getRawPath();
            boolean refresh = path.startsWith("/oauth/") && path.endsWith("/token");
            if (refresh) {
                var form = parse(new String(body, StandardCharsets.UTF_8));
                synchronized (this) {
                    refreshes.incrementAndGet();
                    if (!current.equals(form.get("refresh_token"))) {
                        reply(
                                exchange,
                                400,
                                "{\"status\":\"BAD_REFRESH_TOKEN\",\"message\":\"missing or unknown refresh token\"}");
                        return;
                    }
                    form.put("refresh_token", simulatorRefreshToken);
                    var answer = forward(
                            exchange,
                            form.entrySet().stream()
                                    .map(e ->
                                            e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                                    .collect(Collectors.joining("&"))
                                    .getBytes(StandardCharsets.UTF_8));
                    if (answer.statusCode() == 200) {
                        current = "rotated-" + refreshes.get() + "-" + java.util.UUID.randomUUID();
                        reply(exchange, 200, answer.body().replace(simulatorRefreshToken, current));
                    } else {
                        reply(exchange, answer.statusCode(), answer.body());
                    }
                }
                return;
            }
            var answer = forward(exchange, body);
            answer.headers().map().forEach((name, values) -> {
                if (name.toLowerCase().startsWith("x-hubspot") || name.equalsIgnoreCase("retry-after")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            reply(exchange, answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(
                        URI.create(target + exchange.getRequestURI().toString()))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (FORWARDED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json;charset=utf-8"));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> parse(String form) {
        var values = new LinkedHashMap<String, String>();
        for (var pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
        client.close();
    }
}
