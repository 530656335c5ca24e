package io.scoreline.app.cli.runs;

import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.CliErrorHandler;
import io.scoreline.pipeline.sync.SyncOutcome;
import java.util.LinkedHashMap;

/** How {@code sync}, {@code backfill} and {@code remap} report a finished run, and their exit code. */
final class RunOutcomeOutput {

    private RunOutcomeOutput() {
    }

    /** @param what "Run", "Backfill run", "Remap run" */
    static int print(CliOutput output, String what, SyncOutcome outcome, String hint) {
        if (output.json()) {
            var line = new LinkedHashMap<String, Object>();
            line.put("run", outcome.runId());
            line.put("status", outcome.status().key());
            line.put("records_read", outcome.recordsRead());
            line.put("facts_changed", outcome.factsChanged());
            line.put("api_calls", outcome.apiCalls());
            line.put("message", outcome.message().orElse(null));
            output.jsonLine(line);
        } else {
            output.line(what + " " + outcome.runId() + " " + outcome.status().key() + ": " + outcome.recordsRead() + " records read, "
                    + outcome.factsChanged() + " facts changed, " + outcome.apiCalls() + " API calls"
                    + outcome.message().map(m -> "\n  " + m + (hint.isEmpty() ? "" : "\n  " + hint)).orElse(""));
        }
        return switch (outcome.status()) {
            case SUCCEEDED, PARTIAL, RUNNING -> 0;
            case FAILED -> CliErrorHandler.FAILURE;
        };
    }
}
