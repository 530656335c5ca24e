package io.scoreline.app.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.scoreline.pipeline.inbox.WebhookOutcome;

/** The HTTP answer of a refused webhook: the status and a one-line reason, no detail a caller could probe with. */
final class WebhookResponses {

    private static final String RETRY_AFTER_SECONDS = "5";

    private WebhookResponses() {}

    static HttpResponse<String> refused(WebhookOutcome outcome) {
        return switch (outcome) {
            case WebhookOutcome.Unauthorized u -> plain(HttpStatus.UNAUTHORIZED, "unauthorized: " + u.reason());
            case WebhookOutcome.UnknownEndpoint u -> plain(HttpStatus.NOT_FOUND, "not found");
            case WebhookOutcome.Malformed m -> plain(HttpStatus.BAD_REQUEST, "malformed: " + m.reason());
            case WebhookOutcome.TooLarge t ->
                plain(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body larger than " + t.limit() + " bytes");
            case WebhookOutcome.TooManyNotifications t ->
                plain(
                        HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                        "a message holds at most " + t.limit() + " notifications, got " + t.count());
            case WebhookOutcome.Busy b ->
                HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header("Retry-After", Long.toString(b.retryAfter().toSeconds()))
                        .contentType(MediaType.TEXT_PLAIN_TYPE)
                        .body(
                                "busy: more webhook requests are waiting to be stored than this node takes; retry later\n");
            case WebhookOutcome.Accepted a -> throw new IllegalArgumentException("accepted is not refused");
            case WebhookOutcome.Dropped d -> throw new IllegalArgumentException("dropped is not refused");
        };
    }

    /** The database is away: the CRM should deliver again later (both CRMs retry 5xx answers). */
    static HttpResponse<String> unavailable() {
        return HttpResponse.<String>status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .contentType(MediaType.TEXT_PLAIN_TYPE)
                .body("unavailable: the database is not reachable; retry later\n");
    }

    static HttpResponse<String> plain(HttpStatus status, String text) {
        return HttpResponse.<String>status(status)
                .contentType(MediaType.TEXT_PLAIN_TYPE)
                .body(text + "\n");
    }
}
