package io.scoreline.app.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.pipeline.database.DatabaseHealth;

/**
 * Answers webhooks 503 while the database is unavailable, before anything is parsed or stored:
 * the CRM delivers them again later. Without it a webhook would wait out the pool's connection
 * timeout, or, during a smart shutdown, still be stored through a session the server is waiting
 * to see closed (ADR 0023).
 */
@ServerFilter("/webhooks/**")
public class DatabaseAvailabilityFilter {

    private final DatabaseHealth database;

    public DatabaseAvailabilityFilter(DatabaseHealth database) {
        this.database = database;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<String> refuseWhileUnavailable(HttpRequest<?> request) {
        return database.available() ? null : WebhookResponses.unavailable();
    }
}
