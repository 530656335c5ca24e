package io.scoreline.app.cli.kpi;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.TeamKpiTotalView;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.kpi.KpiQueries;
import io.scoreline.pipeline.kpi.TeamKpiTotal;
import io.scoreline.pipeline.tenancy.DayInput;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline kpi teams}: totals per team (each with its sub-teams) and KPI over a window. */
@Command(
        name = "teams",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline kpi teams --org acme --from 2026-03-01 --to 2026-03-31",
            "  scoreline kpi teams --org acme --json"
        },
        description = "KPI totals per team and KPI, derived KPIs included (read over the team's members together, e.g."
                + " summed connects over summed calls); a team's total includes its sub-teams (by the teams"
                + " people are in now).")
final class KpiTeamsCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--from", paramLabel = "DATE", description = "First day, YYYY-MM-DD (default: all history)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, inclusive, YYYY-MM-DD")
    String to;

    /** What the table shows for a total: the number, or a dash and why there is none. */
    private static String shown(TeamKpiTotal total) {
        return total.undefined()
                .map(reason -> "— (" + reason + ")")
                .orElseGet(() -> total.value().toPlainString());
    }

    private Optional<LocalDate> fromDate;
    private Optional<LocalDate> toDate;

    @Override
    protected void validate() {
        fromDate = Optional.ofNullable(from).map(v -> DayInput.parse(v, "--from"));
        toDate = Optional.ofNullable(to).map(v -> DayInput.parse(v, "--to"));
        if (fromDate.isPresent() && toDate.isPresent() && toDate.get().isBefore(fromDate.get())) {
            throw ScorelineException.badInput("--to " + to + " is before --from " + from);
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var shown = context.getBean(KpiQueries.class).teamTotals(org, fromDate, toDate);
        if (output.json()) {
            shown.totals().forEach(t -> output.jsonLine(TeamKpiTotalView.of(t)));
        } else if (shown.totals().isEmpty()) {
            output.line("No KPI values of people in teams for "
                    + shown.organization().slug() + " in this window" + " (see `scoreline team list --org "
                    + shown.organization().slug() + "`)");
        } else {
            output.table(
                    List.of("TEAM", "KPI", "VALUE", "UNIT", "FACTS", "PEOPLE"),
                    shown.totals().stream()
                            .map(t -> List.of(
                                    "  ".repeat(t.depth()) + t.team(),
                                    t.kpiKey(),
                                    shown(t),
                                    t.unit().key(),
                                    Long.toString(t.factCount()),
                                    Integer.toString(t.people())))
                            .toList());
        }
        return 0;
    }
}
