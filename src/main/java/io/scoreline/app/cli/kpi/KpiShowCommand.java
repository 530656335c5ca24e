package io.scoreline.app.cli.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.pipeline.kpi.KpiQueries;
import io.scoreline.pipeline.kpi.KpiTotal;
import io.scoreline.pipeline.tenancy.DayInput;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline kpi show}: totals per person and KPI over a window (dates in the organization's time zone). */
@Command(
        name = "show",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline kpi show --org acme --from 2026-03-01 --to 2026-03-31",
            "  scoreline kpi show --org acme --profile ana@acme.example --by-day --json",
            "  scoreline kpi show --org acme --goals --from 2026-03-01 --to 2026-03-31"
        },
        description = {
            "KPI totals per person and KPI, derived KPIs (ratios, averages, distinct counts, weighted sums,"
                    + " scorecards) included with their unit; --by-day for one line per day (stored KPIs only).",
            "A derived KPI below its minimum (e.g. fewer calls than min_denominator) shows — and why."
        })
final class KpiShowCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--from", paramLabel = "DATE", description = "First day, YYYY-MM-DD (default: all history)")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day, inclusive, YYYY-MM-DD")
    String to;

    @Option(names = "--profile", paramLabel = "EMAIL", description = "Only this person")
    String profile;

    @Option(names = "--by-day", description = "One line per person, KPI and day")
    boolean byDay;

    @Option(
            names = "--goals",
            description = "Add target, percent and pace of each person's goal; --from and --to must be exactly one"
                    + " week, month or quarter")
    boolean goals;

    /**
     * The {@code --json} line of DESIGN §10; {@code date} only with {@code --by-day}; an undefined
     * derived KPI has {@code "value": null} and {@code undefined}, the reason (ADR 0042).
     */
    record TotalLine(
            String profile,
            String kpi,
            @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate date,
            BigDecimal value,
            String unit,
            @JsonInclude(JsonInclude.Include.NON_NULL) String undefined) {

        static TotalLine of(KpiTotal total) {
            return new TotalLine(
                    total.profileEmail(),
                    total.kpiKey(),
                    total.date().orElse(null),
                    total.value(),
                    total.unit().key(),
                    total.undefined().orElse(null));
        }
    }

    /** What the table shows for a total: the number, or a dash and why there is none. */
    private static String shown(KpiTotal total) {
        return total.undefined()
                .map(reason -> "— (" + reason + ")")
                .orElseGet(() -> total.value().toPlainString());
    }

    private Optional<LocalDate> fromDate;
    private Optional<LocalDate> toDate;

    @Override
    protected void validate() {
        fromDate = date(from, "--from");
        toDate = date(to, "--to");
        if (fromDate.isPresent() && toDate.isPresent() && toDate.get().isBefore(fromDate.get())) {
            throw ScorelineException.badInput("--to " + to + " is before --from " + from);
        }
        if (goals && (fromDate.isEmpty() || toDate.isEmpty() || byDay)) {
            throw ScorelineException.badInput("--goals needs --from and --to spanning exactly one week, month or"
                    + " quarter (and no --by-day), e.g. --from 2026-03-01 --to 2026-03-31");
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        if (goals) {
            return KpiGoalsBoard.print(
                    context.getBean(Goals.class).board(org, fromDate.get(), toDate.get(), Optional.ofNullable(profile)),
                    output);
        }
        var shown =
                context.getBean(KpiQueries.class).totals(org, fromDate, toDate, Optional.ofNullable(profile), byDay);
        var organization = shown.organization();
        var totals = shown.totals();
        if (output.json()) {
            totals.forEach(total -> output.jsonLine(TotalLine.of(total)));
        } else if (totals.isEmpty()) {
            output.line("No KPI values for " + organization.slug() + " in this window");
        } else {
            var header = byDay
                    ? List.of("PROFILE", "KPI", "DATE", "VALUE", "UNIT", "FACTS")
                    : List.of("PROFILE", "KPI", "VALUE", "UNIT", "FACTS");
            output.table(
                    header,
                    totals.stream()
                            .map(t -> byDay
                                    ? List.of(
                                            t.profileEmail(),
                                            t.kpiKey(),
                                            t.date().orElseThrow().toString(),
                                            shown(t),
                                            t.unit().key(),
                                            Long.toString(t.factCount()))
                                    : List.of(
                                            t.profileEmail(),
                                            t.kpiKey(),
                                            shown(t),
                                            t.unit().key(),
                                            Long.toString(t.factCount())))
                            .toList());
        }
        return 0;
    }

    private static Optional<LocalDate> date(String value, String option) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(DayInput.parse(value, option));
    }
}
