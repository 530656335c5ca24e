package io.scoreline.app.cli.runs;

import io.scoreline.app.cli.RangeOption;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.CliOutput;
import io.micronaut.context.ApplicationContext;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.runs.SyncRun;
import io.scoreline.pipeline.runs.SyncRunStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline runs --integration ID}: sync history, newest first. */
@Command(name = "runs",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline runs --integration 1",
                "  scoreline runs --integration 1 --limit 5 --json"},
        description = "Show an integration's sync runs, newest first.")
public final class RunsCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(names = "--limit", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var integration = context.getBean(IntegrationStore.class).require(integrationId);
        var runs = context.getBean(SyncRunStore.class).recent(integration.organizationId(), integrationId, RangeOption.check("--limit", limit, 1, 100_000));
        if (output.json()) {
            runs.forEach(run -> output.jsonLine(json(run)));
        } else if (runs.isEmpty()) {
            output.line("No runs yet for integration " + integrationId + ": start one with `scoreline sync --integration " + integrationId + "`");
        } else {
            output.table(List.of("RUN", "TRIGGER", "STATUS", "STARTED", "TOOK", "RECORDS", "FACTS", "API CALLS", "ERROR"), runs.stream()
                    .map(run -> List.of(Long.toString(run.id()), run.trigger().key(), run.status().key(), run.startedAt().toString(),
                            run.finishedAt().map(end -> took(run.startedAt(), end)).orElse("-"), Long.toString(run.recordsRead()),
                            Long.toString(run.factsChanged()), Integer.toString(run.apiCalls()),
                            run.errorMessage().map(m -> run.errorKind().orElse("") + ": " + m).orElse("")))
                    .toList());
        }
        return 0;
    }

    private static String took(Instant start, Instant end) {
        var d = Duration.between(start, end);
        return d.toSeconds() < 60 ? d.toMillis() / 1000.0 + "s" : d.toMinutes() + "m" + d.toSecondsPart() + "s";
    }

    private static LinkedHashMap<String, Object> json(SyncRun run) {
        var line = new LinkedHashMap<String, Object>();
        line.put("run", run.id());
        line.put("integration", run.integrationId());
        line.put("trigger", run.trigger().key());
        line.put("status", run.status().key());
        line.put("window_from", run.windowFrom().map(Instant::toString).orElse(null));
        line.put("window_to", run.windowTo().map(Instant::toString).orElse(null));
        line.put("started_at", run.startedAt().toString());
        line.put("finished_at", run.finishedAt().map(Instant::toString).orElse(null));
        line.put("records_read", run.recordsRead());
        line.put("facts_changed", run.factsChanged());
        line.put("api_calls", run.apiCalls());
        line.put("error_kind", run.errorKind().orElse(null));
        line.put("error_message", run.errorMessage().orElse(null));
        return line;
    }
}
