package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;

/**
 * Classifies HubSpot's error answers by status and {@code category} (C1-C3 of the protocol
 * reference), never by message text; the message only goes into the one-line description.
 */
final class HubSpotFailures {

    private HubSpotFailures() {
    }

    static ScorelineException of(String action, int status, JsonNode body) {
        var category = body.path("category").asText(body.path("status").asText(""));
        var message = body.path("message").asText("");
        return new ScorelineException(kindOf(status, category), "hubspot " + action + " failed: HTTP " + status
                + (category.isEmpty() ? "" : " " + category) + (message.isBlank() ? "" : ": " + oneLine(message)));
    }

    static FailureKind kindOf(int status, String category) {
        return switch (category) {
            case "EXPIRED_AUTHENTICATION", "INVALID_AUTHENTICATION", "MISSING_SCOPES", "BAD_REFRESH_TOKEN", "BAD_CLIENT_ID",
                 "INVALID_TOKEN" -> FailureKind.AUTH;
            case "RATE_LIMITS" -> FailureKind.QUOTA;
            default -> switch (status / 100) {
                case 4 -> switch (status) {
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

    static String oneLine(String text) {
        var line = text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
