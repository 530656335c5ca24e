package io.scoreline.connectors.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The form POST of an OAuth token endpoint, shared by the connectors' code exchanges: the answer's
 * JSON on 200, an AUTH failure with the CRM's own error text on a 4xx, RETRYABLE on anything else.
 */
public final class OAuthTokenRequest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private OAuthTokenRequest() {}

    /**
     * @param crm        the CRM's name for messages
     * @param errorText  the CRM's error in one line, from its error body
     */
    public static JsonNode post(
            URI endpoint, Map<String, String> form, String crm, Function<JsonNode, String> errorText) {
        var body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        var request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE, crm + " token endpoint " + endpoint + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(FailureKind.RETRYABLE, "interrupted while calling " + crm, e);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        int status = response.statusCode();
        if (status == 200 && json != null && json.isObject()) {
            return json;
        }
        if (status >= 400 && status < 500) {
            var text = json != null && json.isObject() ? errorText.apply(json) : "HTTP " + status;
            throw new ScorelineException(FailureKind.AUTH, crm + " refused the authorization code: " + text);
        }
        throw new ScorelineException(
                FailureKind.RETRYABLE, crm + " token endpoint answered HTTP " + status + " to a code exchange");
    }

    /** A required text field of a token answer. */
    public static String text(JsonNode answer, String field, String crm) {
        var value = answer.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new ScorelineException(FailureKind.AUTH, crm + " answered the code exchange without " + field);
        }
        return value.asText();
    }
}
