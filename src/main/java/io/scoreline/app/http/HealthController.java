package io.scoreline.app.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.database.DatabaseRuntime;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code GET /health}: 200 when the database answers within two seconds, 503 otherwise. */
@Controller("/health")
public class HealthController {

    static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(2);

    private final DatabaseRuntime database;

    public HealthController(DatabaseRuntime database) {
        this.database = database;
    }

    @Serdeable
    public record HealthReport(String status, String database, String detail) {
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<HealthReport> health() {
        var problem = databaseProblem();
        if (problem == null) {
            return HttpResponse.ok(new HealthReport("UP", "UP", null));
        }
        return HttpResponse.<HealthReport>status(HttpStatus.SERVICE_UNAVAILABLE).body(new HealthReport("DOWN", "DOWN", problem));
    }

    /** Null when healthy. Bounded: a hung connection attempt must not hang the probe. */
    private String databaseProblem() {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var check = executor.submit(() -> {
                try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                return null;
            });
            try {
                check.get(DATABASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return null;
            } catch (TimeoutException e) {
                check.cancel(true);
                return "database did not answer within " + DATABASE_TIMEOUT.toSeconds() + "s";
            } catch (ExecutionException e) {
                return "database unreachable: " + e.getCause().getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }
}
