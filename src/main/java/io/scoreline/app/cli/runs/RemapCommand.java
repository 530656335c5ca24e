package io.scoreline.app.cli.runs;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.pipeline.sync.OnDemandRuns;
import io.scoreline.pipeline.tenancy.DayInput;
import java.time.LocalDate;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline remap}: re-derive facts from stored records with the active rules; no API calls. */
@Command(
        name = "remap",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline remap --integration 1", "  scoreline remap --integration 1 --from 2026-03-01"},
        description = "Re-derive facts from stored records with the active rules and owner links (no API calls).")
public final class RemapCommand extends ContextCommand {

    @Option(names = "--integration", required = true, paramLabel = "ID", description = "Integration id")
    long integrationId;

    @Option(
            names = "--from",
            paramLabel = "DATE",
            description = "Only records modified on or after this day (organization time zone)")
    String from;

    private Optional<LocalDate> fromDate = Optional.empty();

    @Override
    protected void validate() {
        if (from != null) {
            fromDate = Optional.of(DayInput.parse(from, "--from"));
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var outcome = context.getBean(OnDemandRuns.class).remap(integrationId, fromDate);
        return RunOutcomeOutput.print(output, "Remap run", outcome, "");
    }
}
