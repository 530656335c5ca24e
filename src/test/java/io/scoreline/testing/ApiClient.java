package io.scoreline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Calls the admin API of a running {@link ScorelineServer} the way an outside client does: a bearer
 * key, a JSON body, the raw response (status, headers, body) back, so a test can check all of them.
 */
public record ApiClient(ScorelineServer server) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Sends with {@code Authorization: Bearer key} unless key is null; a body is sent as JSON. */
    public HttpResponse<String> send(String method, String path, String body, String key) {
        var request = request(method, path, body);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request);
    }

    /** Sends exactly the given headers (for tests of malformed or missing ones). */
    public HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        var request = request(method, path, body);
        if (headers != null) {
            headers.forEach(request::header);
        }
        return send(request);
    }

    public HttpResponse<String> get(String path, String key) {
        return send("GET", path, null, key);
    }

    /** The text as JSON; a test fails with the text when it is not JSON. */
    public static JsonNode json(String text) {
        return ParsedJson.of(text);
    }

    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    /** The {@code error} object of a problem answer, asserting the answer has one. */
    public static JsonNode error(HttpResponse<String> response) {
        var error = json(response).get("error");
        assertThat(error).as(response.body()).isNotNull();
        return error;
    }

    /** Asserts the status and that the answer is a problem naming the field (when field is not null). */
    public static JsonNode assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        var error = error(response);
        if (field != null) {
            assertThat(error.path("field").asText()).as(response.body()).isEqualTo(field);
        }
        return error;
    }

    private HttpRequest.Builder request(String method, String path, String body) {
        return HttpRequest.newBuilder(server.uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(
                    "interrupted while calling " + request.build().uri(), e);
        }
    }
}
