package io.scoreline.app.cli.runs;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.RangeOption;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.runs.SyncRun;
import io.scoreline.pipeline.sync.OnDemandRuns;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline runs --integration ID}: sync history, newest first. */
@Command(
        name = "runs",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline runs --integration 1", "  scoreline runs --integration 1 --limit 5 --json"},
        description = "Show an integration's sync runs, newest first.")
public final class RunsCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(names = "--limit", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var history = context.getBean(OnDemandRuns.class)
                .history(integrationId, RangeOption.check("--limit", limit, 1, 100_000));
        var runs = history.runs();
        var status = history.status().key();
        if (output.json()) {
            runs.forEach(run -> output.jsonLine(RunJson.of(run, status)));
            return 0;
        }
        if (history.status() == IntegrationStatus.NEEDS_ATTENTION) {
            output.line("Integration " + integrationId + " needs attention: its runs stop until the rules or the CRM"
                    + " are fixed (see the newest failed run); the next run after the fix continues from its cursor.");
        }
        if (runs.isEmpty()) {
            output.line("No runs yet for integration " + integrationId
                    + ": start one with `scoreline sync --integration " + integrationId + "`");
        } else {
            output.table(
                    List.of("RUN", "TRIGGER", "STATUS", "STARTED", "TOOK", "RECORDS", "FACTS", "API CALLS", "ERROR"),
                    runs.stream()
                            .map(run -> List.of(
                                    Long.toString(run.id()),
                                    run.trigger().key(),
                                    run.status().key(),
                                    run.startedAt().toString(),
                                    run.finishedAt()
                                            .map(end -> took(run.startedAt(), end))
                                            .orElse("-"),
                                    Long.toString(run.recordsRead()),
                                    Long.toString(run.factsChanged()),
                                    Integer.toString(run.apiCalls()),
                                    run.errorMessage()
                                            .map(m -> run.errorKind().orElse("") + ": " + m)
                                            .orElse("")))
                            .toList());
        }
        return 0;
    }

    private static String took(Instant start, Instant end) {
        var d = Duration.between(start, end);
        return d.toSeconds() < 60 ? d.toMillis() / 1000.0 + "s" : d.toMinutes() + "m" + d.toSecondsPart() + "s";
    }

    record RunJson(
            long run,
            long integration,
            String trigger,
            String status,
            @JsonProperty("window_from") String windowFrom,
            @JsonProperty("window_to") String windowTo,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("finished_at") String finishedAt,
            @JsonProperty("records_read") long recordsRead,
            @JsonProperty("facts_changed") long factsChanged,
            @JsonProperty("api_calls") int apiCalls,
            @JsonProperty("error_kind") String errorKind,
            @JsonProperty("error_message") String errorMessage,
            @JsonProperty("integration_status") String integrationStatus) {

        static RunJson of(SyncRun run, String integrationStatus) {
            return new RunJson(
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
                    integrationStatus);
        }
    }
}
