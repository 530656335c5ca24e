package io.scoreline.app.http.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a {@link RuleProblemsFailure} with every problem of the document, not just the first. */
@Singleton
@Produces
@Requires(classes = {RuleProblemsFailure.class, ExceptionHandler.class})
public class RuleProblemsResponses implements ExceptionHandler<RuleProblemsFailure, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuleProblemsFailure failure) {
        return HttpResponse.status(failure.status())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(failure.body());
    }
}
