package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.sync.StartedRun;

/** The answer to a started run (202): its id, to poll at {@code /api/v1/runs/{run_id}}. */
@Serdeable
public record RunStartedBody(
        @JsonProperty("run_id") long runId, long integration, String trigger, String status, String location) {

    static RunStartedBody of(StartedRun started) {
        return new RunStartedBody(
                started.runId(),
                started.integrationId(),
                started.trigger().key(),
                "running",
                RunsController.location(started.runId()));
    }
}
