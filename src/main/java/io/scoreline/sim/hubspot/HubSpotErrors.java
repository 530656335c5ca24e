package io.scoreline.sim.hubspot;

import io.scoreline.sim.http.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** HubSpot's error body: {@code {status:"error", message, correlationId, category, ...}}. */
final class HubSpotErrors {

    static final String SECONDLY_MESSAGE = "You have reached your secondly limit.";
    static final String TEN_SECONDLY_MESSAGE = "You have reached your ten_secondly_rolling limit.";

    private HubSpotErrors() {}

    static Map<String, Object> body(String category, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("message", message);
        body.put("correlationId", UUID.randomUUID().toString());
        body.put("category", category);
        return body;
    }

    static Reply.Response of(int status, String category, String message) {
        return Reply.json(status, body(category, message));
    }

    static Reply.Response validation(String message) {
        return of(400, "VALIDATION_ERROR", message);
    }

    /**
     * A search filter naming a property the portal lacks: the envelope with an {@code errors[]} detail,
     * in the shape of HubSpot's {@code Error} schema (the exact wording is not documented).
     */
    static Reply.Response invalidProperty(String property, String where) {
        Map<String, Object> body = body("VALIDATION_ERROR", "There was a problem with the request.");
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "Property '" + property + "' does not exist");
        error.put("code", "INVALID_PROPERTY");
        error.put("in", where);
        body.put("errors", List.of(error));
        return Reply.json(400, body);
    }

    static Reply.Response notFound() {
        return of(404, "OBJECT_NOT_FOUND", "resource not found");
    }

    static Reply.Response unauthenticated() {
        return of(
                401,
                "INVALID_AUTHENTICATION",
                "Authentication credentials not found. This API supports OAuth 2.0"
                        + " authentication and you can find more details at"
                        + " https://developers.hubspot.com/docs/methods/auth/oauth-overview");
    }

    static Reply.Response expired(long minutesAgo) {
        return of(
                401,
                "EXPIRED_AUTHENTICATION",
                "The OAuth token used to make this call expired " + minutesAgo + " minute(s) ago.");
    }

    /** The 429 body the official clients key their retry decision on ({@code policyName}, {@code message}). */
    static Reply.Response rateLimited(String policyName, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("message", message);
        body.put("errorType", "RATE_LIMIT");
        body.put("correlationId", UUID.randomUUID().toString());
        body.put("policyName", policyName);
        body.put("requestId", UUID.randomUUID().toString());
        return Reply.json(429, body);
    }
}
