package io.scoreline.sim.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimHttpServerIT {

    private final HttpClient client = HttpClient.newHttpClient();
    private SimHttpServer server;

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    @Test
    void answersOnLoopbackWithTheHandlersReply() throws Exception {
        server = SimHttpServer.start(
                0,
                request -> Reply.json(
                        201,
                        Map.of(
                                "path",
                                request.path(),
                                "q",
                                request.queryParam("q").orElse(""))));

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(server.baseUri().resolve("/a/b?q=x%20y")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).contains("\"path\":\"/a/b\"").contains("\"q\":\"x y\"");
    }

    @Test
    void silenceLeavesTheClientWaiting() {
        server = SimHttpServer.start(0, request -> new Reply.Silence(Duration.ofSeconds(5)));
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve("/slow"))
                .timeout(Duration.ofMillis(300))
                .build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void handlerFailuresBecomeServerErrors() throws Exception {
        server = SimHttpServer.start(0, request -> {
            throw new IllegalStateException("boom");
        });

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(server.baseUri().resolve("/x")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("UNKNOWN_EXCEPTION");
    }
}
