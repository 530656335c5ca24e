package io.scoreline.connectors.salesforce;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.component.salesforce.api.dto.RestError;

/**
 * Classifies what the Camel Salesforce component throws by HTTP status and Salesforce error code
 * (A4 of the protocol reference), never by message text. Network failures and timeouts are
 * retryable; a failure that is neither Salesforce's answer nor the network is a bug (ADR 0026).
 */
final class SalesforceFailures {

    private SalesforceFailures() {}

    static ScorelineException classify(String action, Throwable thrown) {
        var salesforce = find(thrown, SalesforceException.class);
        if (salesforce != null) {
            var code = salesforce.getErrors() == null || salesforce.getErrors().isEmpty()
                    ? ""
                    : salesforce.getErrors().getFirst().getErrorCode();
            var message =
                    salesforce.getErrors() == null || salesforce.getErrors().isEmpty()
                            ? salesforce.getMessage()
                            : salesforce.getErrors().stream()
                                    .map(RestError::getMessage)
                                    .findFirst()
                                    .orElse("");
            var kind = kindOf(salesforce.getStatusCode(), code);
            var text = "salesforce " + action + " failed: "
                    + (code.isEmpty() ? "HTTP " + salesforce.getStatusCode() : code)
                    + (message == null || message.isBlank() ? "" : ": " + oneLine(message));
            var gone = SalesforceSchemaErrors.missing(code, message == null ? "" : message, text, thrown);
            if (gone.isPresent()) {
                return gone.get();
            }
            return new ScorelineException(kind, text, thrown);
        }
        if (find(thrown, IOException.class) != null || find(thrown, TimeoutException.class) != null) {
            return new ScorelineException(
                    FailureKind.RETRYABLE, "salesforce " + action + " failed: " + oneLine(rootMessage(thrown)), thrown);
        }
        // Not Salesforce's answer and not the network: a defect here (a bad endpoint URI, a null body). Retrying
        // would repeat it, and counting it as Salesforce being unwell would open the breaker for nothing.
        return new ScorelineException(
                FailureKind.BUG,
                "salesforce " + action + " failed: " + thrown.getClass().getSimpleName() + ": "
                        + oneLine(rootMessage(thrown)),
                thrown);
    }

    static FailureKind kindOf(int status, String errorCode) {
        if ("REQUEST_LIMIT_EXCEEDED".equals(errorCode)) {
            return FailureKind.QUOTA;
        }
        return switch (errorCode) {
            case "INVALID_SESSION_ID",
                    "INVALID_AUTH_HEADER",
                    "invalid_grant",
                    "invalid_client",
                    "invalid_client_id",
                    "inactive_user",
                    "inactive_org" -> FailureKind.AUTH;
            case "MALFORMED_QUERY", "INVALID_FIELD", "INVALID_TYPE", "INVALID_QUERY_FILTER_OPERATOR" ->
                FailureKind.BAD_INPUT;
            default ->
                switch (status / 100) {
                    case 4 ->
                        status == 401 || status == 403
                                ? FailureKind.AUTH
                                : status == 429 ? FailureKind.QUOTA : FailureKind.BAD_INPUT;
                    case 5 -> FailureKind.RETRYABLE;
                    default -> status == 0 ? FailureKind.RETRYABLE : FailureKind.BUG;
                };
        };
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (var t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable thrown) {
        var root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
