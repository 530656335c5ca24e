package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.SchemaMismatch;
import io.scoreline.failure.ScorelineException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Classifies HubSpot's error answers by status and {@code category} (C1-C3 of the protocol
 * reference), never by message text; the message only goes into the one-line description.
 */
final class HubSpotFailures {

    private HubSpotFailures() {}

    static ScorelineException of(String action, int status, JsonNode body) {
        var category = body.path("category").asText(body.path("status").asText(""));
        var message = body.path("message").asText("");
        var text = "hubspot " + action + " failed: HTTP " + status + (category.isEmpty() ? "" : " " + category)
                + (message.isBlank() ? "" : ": " + oneLine(message));
        if (status == 400) {
            var missing = missingProperty(body);
            if (missing.isPresent()) {
                // The object is the one being read; the caller names it (SchemaMismatch.onObject).
                return new SchemaMismatch(
                        Optional.empty(),
                        missing.get().name(),
                        text + " (" + missing.get().name().orElse("a property") + " does not exist)",
                        null);
            }
        }
        return new ScorelineException(kindOf(status, category), text);
    }

    /**
     * A search filter on a property the portal lacks answers 400 with an {@code errors[]} detail of
     * code {@code INVALID_PROPERTY}: the property was deleted or renamed (schema drift), not a bad
     * request of ours. The property comes from the detail's {@code context.propertyName} or, since
     * the wording is not documented, the first quoted name of its message; empty when neither says.
     */
    static Optional<MissingProperty> missingProperty(JsonNode body) {
        for (var error : body.path("errors")) {
            if (!"INVALID_PROPERTY".equals(error.path("code").asText(""))) {
                continue;
            }
            var fromContext = error.path("context").path("propertyName").path(0).asText("");
            if (!fromContext.isBlank()) {
                return Optional.of(new MissingProperty(Optional.of(fromContext)));
            }
            var quoted = QUOTED.matcher(error.path("message").asText(""));
            return Optional.of(new MissingProperty(quoted.find() ? Optional.of(quoted.group(1)) : Optional.empty()));
        }
        return Optional.empty();
    }

    /** @param name the property, when HubSpot said which */
    record MissingProperty(Optional<String> name) {}

    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");

    static FailureKind kindOf(int status, String category) {
        return switch (category) {
            case "EXPIRED_AUTHENTICATION",
                    "INVALID_AUTHENTICATION",
                    "MISSING_SCOPES",
                    "BAD_REFRESH_TOKEN",
                    "BAD_CLIENT_ID",
                    "INVALID_TOKEN" -> FailureKind.AUTH;
            case "RATE_LIMITS" -> FailureKind.QUOTA;
            default ->
                switch (status / 100) {
                    case 4 ->
                        switch (status) {
                            case 401, 403 -> FailureKind.AUTH;
                            case 404 -> FailureKind.NOT_FOUND;
                            case 408 -> FailureKind.RETRYABLE;
                            case 429 -> FailureKind.QUOTA;
                            default -> FailureKind.BAD_INPUT;
                        };
                    case 5 -> FailureKind.RETRYABLE;
                    default -> FailureKind.BUG;
                };
        };
    }

    /**
     * A 5xx, 408 or unanswered request: retried with backoff ({@link HubSpotRetries}); worded with the
     * attempts made once the retries are spent.
     */
    static final class Transient extends ScorelineException {
        private final String action;
        private final int status;
        private final JsonNode body;

        private Transient(String action, int status, JsonNode body, String message, Throwable cause) {
            super(FailureKind.RETRYABLE, message, cause);
            this.action = action;
            this.status = status;
            this.body = body;
        }

        static Transient answered(String action, int status, JsonNode body) {
            return new Transient(action, status, body, of(action, status, body).getMessage(), null);
        }

        static Transient unanswered(String action, java.io.IOException cause) {
            return new Transient(
                    action, 0, null, "hubspot " + action + " failed: " + oneLine(String.valueOf(cause)), cause);
        }

        ScorelineException afterAttempts(int attempts) {
            return body == null
                    ? new ScorelineException(
                            FailureKind.RETRYABLE,
                            "hubspot " + action + " failed after " + attempts + " attempts: "
                                    + oneLine(String.valueOf(getCause())),
                            getCause())
                    : of(action + " (after " + attempts + " attempts)", status, body);
        }
    }

    /** A 429 of the burst or search limit: waited out ({@link HubSpotRetries}) up to a limit, then the run stops as partial. */
    static final class Throttled extends ScorelineException {
        private final String action;
        private final String policy;
        private final java.util.Optional<java.time.Duration> retryAfter;

        Throttled(String action, String policy, java.util.Optional<java.time.Duration> retryAfter) {
            super(FailureKind.QUOTA, "hubspot " + action + " rate limited (" + policy + ")");
            this.action = action;
            this.policy = policy;
            this.retryAfter = retryAfter;
        }

        /** HubSpot's {@code Retry-After}, when it gave one. */
        java.util.Optional<java.time.Duration> retryAfter() {
            return retryAfter;
        }

        ScorelineException afterWaits(int waits) {
            return new ScorelineException(
                    FailureKind.QUOTA,
                    "hubspot " + action + " still rate limited after " + waits + " waits (" + policy
                            + "); the next run continues from here");
        }
    }

    static String oneLine(String text) {
        var line = text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
