package io.scoreline.app.cli.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.scoreline.app.cli.CliErrorHandler;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.pipeline.sync.SyncOutcome;

/** How {@code sync}, {@code backfill} and {@code remap} report a finished run, and their exit code. */
final class RunOutcomeOutput {

    private RunOutcomeOutput() {}

    /** @param what "Run", "Backfill run", "Remap run" */
    static int print(CliOutput output, String what, SyncOutcome outcome, String hint) {
        if (output.json()) {
            output.jsonLine(new OutcomeJson(
                    outcome.runId(),
                    outcome.status().key(),
                    outcome.recordsRead(),
                    outcome.factsChanged(),
                    outcome.apiCalls(),
                    outcome.message().orElse(null)));
        } else {
            output.line(what + " " + outcome.runId() + " " + outcome.status().key() + ": " + outcome.recordsRead()
                    + " records read, "
                    + outcome.factsChanged() + " facts changed, " + outcome.apiCalls() + " API calls"
                    + outcome.message()
                            .map(m -> "\n  " + m + (hint.isEmpty() ? "" : "\n  " + hint))
                            .orElse(""));
        }
        return switch (outcome.status()) {
            case SUCCEEDED, PARTIAL, RUNNING -> 0;
            case FAILED -> CliErrorHandler.FAILURE;
        };
    }

    record OutcomeJson(
            long run,
            String status,
            @JsonProperty("records_read") long recordsRead,
            @JsonProperty("facts_changed") long factsChanged,
            @JsonProperty("api_calls") long apiCalls,
            String message) {}
}
