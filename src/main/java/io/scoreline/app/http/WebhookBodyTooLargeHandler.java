package io.scoreline.app.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * The server's answer to a body over {@code micronaut.server.max-request-size}, which it refuses
 * before any endpoint runs: 413 with one line, counted in {@code scoreline_webhook_rejected_total}
 * when the path is a webhook endpoint's, so that a flood of oversized bodies shows up there.
 */
@Singleton
@Produces
@Replaces(ContentLengthExceededHandler.class)
final class WebhookBodyTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {

    private final WebhookMetrics metrics;

    WebhookBodyTooLargeHandler(PrometheusMeterRegistry registry) {
        this.metrics = new WebhookMetrics(registry);
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        WebhookMetrics.providerOf(request.getPath()).ifPresent(metrics::bodyTooLarge);
        return WebhookResponses.plain(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body larger than the server accepts");
    }
}
