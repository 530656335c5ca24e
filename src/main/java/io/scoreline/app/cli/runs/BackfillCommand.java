package io.scoreline.app.cli.runs;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.BackfillProgress;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.BackfillObjectView;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.sync.OnDemandRuns;
import io.scoreline.pipeline.tenancy.DayInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline backfill}: reads the records last modified in a window (days in the
 * organization's time zone) into KPIs, under its own cursor; {@code --resume RUN} continues an
 * interrupted one, {@code --dry-run} counts first and writes nothing.
 */
@Command(
        name = "backfill",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline backfill --integration 1 --from 2026-01-01 --to 2026-03-31 --dry-run",
            "  scoreline backfill --integration 1 --from 2026-01-01 --to 2026-03-31",
            "  scoreline backfill --integration 1 --resume 17"
        },
        description = "Backfill history: records last modified between --from and --to (organization days).")
public final class BackfillCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(names = "--from", paramLabel = "DATE", description = "First day, YYYY-MM-DD")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, inclusive, YYYY-MM-DD")
    String to;

    @Option(
            names = "--dry-run",
            description = "Print record counts per object and the API calls it would spend; write nothing")
    boolean dryRun;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue an interrupted backfill run")
    Long resume;

    @Option(names = "--notify", description = "Notify people of badges this history earns (silent by default)")
    boolean notify;

    private LocalDate fromDate;
    private LocalDate toDate;

    @Override
    protected void validate() {
        if (resume != null) {
            if (from != null || to != null || dryRun) {
                throw ScorelineException.badInput(
                        "--resume continues a run with its own window: drop --from, --to and --dry-run");
            }
            return;
        }
        if (from == null || to == null) {
            throw ScorelineException.badInput("give --from and --to (or --resume RUN)");
        }
        fromDate = DayInput.parse(from, "--from");
        toDate = DayInput.parse(to, "--to");
        if (toDate.isBefore(fromDate)) {
            throw ScorelineException.badInput("--to " + to + " is before --from " + from);
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var runs = context.getBean(OnDemandRuns.class);
        if (dryRun) {
            var plan = runs.planBackfill(integrationId, fromDate, toDate);
            if (output.json()) {
                plan.objects().forEach(o -> output.jsonLine(BackfillObjectView.of(o)));
            } else {
                output.line(
                        "Dry run: records last modified " + plan.from() + " .. " + plan.until() + " (nothing written)");
                output.table(
                        List.of("OBJECT", "RECORDS", "API CALLS", "READ", "FILTER"),
                        plan.objects().stream()
                                .map(o -> List.of(
                                        o.objectType(),
                                        Long.toString(o.records()),
                                        Long.toString(o.apiCalls()),
                                        o.readMode(),
                                        o.pushDown().map(f -> "pushed: " + f).orElse("none (" + o.pushNote() + ")")))
                                .toList());
                output.line("Total: " + plan.records() + " records, about " + plan.apiCalls() + " API calls (plus "
                        + plan.objects().size() + " for these counts)");
            }
            return 0;
        }
        // Since JDK 22 System.console() is not null when output is redirected either, so this shows the
        // terminal bar there too; Console.isTerminal() would tell, but it changes what a redirected run prints.
        @SuppressWarnings("SystemConsoleNull")
        // Progress is paced on the operator's wall clock; the run itself takes its time from the context's clock.
        var progress = System.console() != null && !output.json()
                ? BackfillProgress.forTerminal()
                : BackfillProgress.forLog(spec.commandLine().getErr(), Clock.systemUTC());
        var outcome = resume != null
                ? runs.resumeBackfill(resume, integrationId, progress)
                : runs.backfill(integrationId, fromDate, toDate, notify, progress);
        return RunOutcomeOutput.print(
                output,
                "Backfill run",
                outcome,
                "resume with: scoreline backfill --integration " + integrationId + " --resume " + outcome.runId());
    }
}
