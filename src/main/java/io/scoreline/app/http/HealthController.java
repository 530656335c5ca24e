package io.scoreline.app.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.database.DatabaseHealth;

/**
 * {@code GET /health}: 200 when the database takes new connections, 503 otherwise. The answer is
 * at most a second old and a check takes at most two (ADR 0023), so probing it often is cheap.
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HealthController {

    private final DatabaseHealth database;

    public HealthController(DatabaseHealth database) {
        this.database = database;
    }

    @Serdeable
    public record HealthReport(String status, String database, String detail) {}

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<HealthReport> health() {
        return switch (database.status()) {
            case DatabaseHealth.Available a -> HttpResponse.ok(new HealthReport("UP", "UP", null));
            case DatabaseHealth.Unavailable u ->
                HttpResponse.<HealthReport>status(HttpStatus.SERVICE_UNAVAILABLE)
                        .body(new HealthReport("DOWN", "DOWN", u.reason()));
        };
    }
}
