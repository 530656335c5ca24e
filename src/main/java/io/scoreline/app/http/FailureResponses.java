package io.scoreline.app.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.scoreline.app.http.api.ApiErrors;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.DatabaseHealth;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failure inside a request becomes a clean answer: 503 when retrying later can help (the
 * database went away mid-request), 500 otherwise; the body never carries the failure's text,
 * which may hold the pool's or the server's words. The text goes to the log instead.
 */
@Singleton
@Produces
@Requires(classes = {ScorelineException.class, ExceptionHandler.class})
public class FailureResponses implements ExceptionHandler<ScorelineException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(FailureResponses.class);

    private final DatabaseHealth database;

    public FailureResponses(DatabaseHealth database) {
        this.database = database;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ScorelineException failure) {
        if (request.getPath().startsWith("/api/")) {
            // The admin API answers in its own format, by the failure's kind (ADR 0036).
            if (failure.kind() == FailureKind.RETRYABLE) {
                database.suspect();
            }
            if (failure.kind() == FailureKind.BUG || failure.kind() == FailureKind.RETRYABLE) {
                LOG.error(
                        "{} {} failed: {}", request.getMethodName(), request.getPath(), failure.getMessage(), failure);
            }
            return ApiErrors.of(failure);
        }
        if (failure.kind() == FailureKind.RETRYABLE) {
            database.suspect();
            LOG.warn("{} {} answered 503: {}", request.getMethodName(), request.getPath(), failure.getMessage());
            return WebhookResponses.unavailable();
        }
        LOG.error("{} {} failed: {}", request.getMethodName(), request.getPath(), failure.getMessage(), failure);
        return WebhookResponses.plain(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
    }
}
