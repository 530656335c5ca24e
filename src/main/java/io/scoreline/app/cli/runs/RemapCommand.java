package io.scoreline.app.cli.runs;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.BackfillProgress;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.RemapGapView;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.sync.OnDemandRuns;
import io.scoreline.pipeline.tenancy.DayInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline remap}: re-derive facts from stored records with the active rules. Stored
 * records that were not read with a field the rules read are read again from the CRM first
 * (ADR 0034); {@code --dry-run} prints what that costs, {@code --offline} refuses instead.
 */
@Command(
        name = "remap",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline remap --integration 1",
            "  scoreline remap --integration 1 --from 2026-03-01",
            "  scoreline remap --integration 1 --dry-run",
            "  scoreline remap --integration 1 --resume 17"
        },
        description = "Re-derive facts from stored records with the active rules and owner links; records lacking "
                + "fields the rules read are read again first (no API calls when none lack any).")
public final class RemapCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(
            names = "--from",
            paramLabel = "DATE",
            description = "Only re-derive records modified on or after this day (organization time zone)")
    String from;

    @Option(
            names = "--dry-run",
            description = "Print the stored records that must be read again and the API calls; write nothing")
    boolean dryRun;

    @Option(
            names = "--offline",
            description = "Never call the CRM: refuse when stored records lack fields the rules read")
    boolean offline;

    @Option(names = "--resume", paramLabel = "RUN", description = "Continue a failed or interrupted remap run")
    Long resume;

    private Optional<LocalDate> fromDate = Optional.empty();

    @Override
    protected void validate() {
        if (resume != null && (from != null || dryRun || offline)) {
            throw ScorelineException.badInput(
                    "--resume continues a run as it was: drop --from, --dry-run and --offline");
        }
        if (dryRun && offline) {
            throw ScorelineException.badInput("--dry-run already calls nothing: drop --offline");
        }
        if (from != null) {
            fromDate = Optional.of(DayInput.parse(from, "--from"));
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var runs = context.getBean(OnDemandRuns.class);
        if (dryRun) {
            var plan = runs.planRemap(integrationId);
            var missing = plan.missing();
            if (output.json()) {
                missing.gaps().forEach(g -> output.jsonLine(RemapGapView.of(g)));
            } else if (missing.isEmpty()) {
                output.line("Dry run: every stored record has the fields the rules read; remap spends no API call");
            } else {
                output.line("Dry run: stored records to read again before re-deriving (nothing written)");
                output.table(
                        List.of("OBJECT", "RECORDS", "MISSING FIELDS", "KPIS", "READ", "API CALLS", "BY ID", "IN BULK"),
                        missing.gaps().stream()
                                .map(g -> List.of(
                                        g.objectType(),
                                        Long.toString(g.records()),
                                        String.join(", ", g.fields()),
                                        String.join(", ", g.kpis()),
                                        g.cost().mode(),
                                        Long.toString(g.apiCalls()),
                                        Long.toString(g.cost().byIdCalls()),
                                        g.cost().bulkCalls().isPresent()
                                                ? Long.toString(
                                                        g.cost().bulkCalls().getAsLong())
                                                : "-"))
                                .toList());
                output.line("Total: " + missing.records() + " records, about " + missing.apiCalls() + " API calls");
            }
            return 0;
        }
        // As backfill: a bar on a terminal, a line every few seconds otherwise (see BackfillCommand).
        @SuppressWarnings("SystemConsoleNull")
        var progress = System.console() != null && !output.json()
                ? BackfillProgress.forTerminal()
                : BackfillProgress.forLog(spec.commandLine().getErr(), Clock.systemUTC());
        var outcome = resume != null
                ? runs.resumeRemap(resume, integrationId, progress)
                : runs.remap(integrationId, fromDate, offline, progress);
        return RunOutcomeOutput.print(
                output,
                "Remap run",
                outcome,
                "resume with: scoreline remap --integration " + integrationId + " --resume " + outcome.runId());
    }
}
