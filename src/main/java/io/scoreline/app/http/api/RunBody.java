package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.sync.RunProgress;
import io.scoreline.pipeline.sync.RunView;
import java.time.Instant;

/**
 * A run as the API shows it: the fields and words of {@code runs --json}, plus the progress of a
 * run the serving process executes and whether a run still marked running lost its process.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS) // nulls too, as runs --json prints them
public record RunBody(
        long run,
        long integration,
        String trigger,
        String status,
        @JsonProperty("window_from") @Nullable String windowFrom,
        @JsonProperty("window_to") @Nullable String windowTo,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("finished_at") @Nullable String finishedAt,
        @JsonProperty("records_read") long recordsRead,
        @JsonProperty("facts_changed") long factsChanged,
        @JsonProperty("api_calls") int apiCalls,
        @JsonProperty("error_kind") @Nullable String errorKind,
        @JsonProperty("error_message") @Nullable String errorMessage,
        @JsonProperty("integration_status") String integrationStatus,
        @Nullable Progress progress,
        boolean interrupted) {

    /** How far the run has got in the object it reads now. */
    @Serdeable
    public record Progress(
            String object,
            @JsonProperty("expected_records") long expectedRecords,
            @JsonProperty("records_done") long recordsDone) {

        static Progress of(RunProgress progress) {
            return new Progress(progress.object(), progress.expectedRecords(), progress.recordsDone());
        }
    }

    static RunBody of(RunView view) {
        var run = view.run();
        return new RunBody(
                run.id(),
                run.integrationId(),
                run.trigger().key(),
                run.status().key(),
                run.windowFrom().map(Instant::toString).orElse(null),
                run.windowTo().map(Instant::toString).orElse(null),
                run.startedAt().toString(),
                run.finishedAt().map(Instant::toString).orElse(null),
                run.recordsRead(),
                run.factsChanged(),
                run.apiCalls(),
                run.errorKind().orElse(null),
                run.errorMessage().orElse(null),
                view.integrationStatus().key(),
                view.progress().map(Progress::of).orElse(null),
                view.interrupted());
    }
}
