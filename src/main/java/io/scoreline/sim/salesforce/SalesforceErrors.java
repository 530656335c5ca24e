package io.scoreline.sim.salesforce;

import io.scoreline.sim.http.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The REST error envelope: a JSON array of {@code {message, errorCode[, fields]}}. */
final class SalesforceErrors {

    private SalesforceErrors() {}

    static Reply.Response of(int status, String errorCode, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("errorCode", errorCode);
        return Reply.json(status, List.of(error));
    }

    static Reply.Response invalidSession() {
        return of(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    static Reply.Response requestLimitExceeded() {
        return of(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
    }

    static Reply.Response notFound() {
        return of(404, "NOT_FOUND", "The requested resource does not exist");
    }

    /** OAuth endpoints answer with {@code {error, error_description}} instead of the REST envelope. */
    static Reply.Response oauth(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return Reply.json(400, body);
    }
}
