package io.scoreline.app.cli;

import io.micronaut.context.ApplicationContext;

import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.sync.SyncService;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline sync --integration ID}: an incremental sync now, recorded like a scheduled one. */
@Command(name = "sync", description = "Run an incremental sync of an integration now.")
final class SyncCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var outcome = context.getBean(SyncService.class).sync(integrationId, SyncTrigger.MANUAL);
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
            output.line("Run " + outcome.runId() + " " + outcome.status().key() + ": " + outcome.recordsRead() + " records read, "
                    + outcome.factsChanged() + " facts changed, " + outcome.apiCalls() + " API calls"
                    + outcome.message().map(m -> "\n  " + m).orElse(""));
        }
        return switch (outcome.status()) {
            case SUCCEEDED, PARTIAL, RUNNING -> 0;
            case FAILED -> CliErrorHandler.FAILURE;
        };
    }

}
