package io.scoreline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.kpi.KpiTotal;
import io.scoreline.pipeline.kpi.KpiValueReader;
import io.scoreline.pipeline.tenancy.DayInput;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline kpi show}: totals per person and KPI over a window (dates in the organization's time zone). */
@Command(name = "show",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline kpi show --org acme --from 2026-03-01 --to 2026-03-31",
                "  scoreline kpi show --org acme --profile ana@acme.example --by-day --json"},
        description = "KPI totals per person and KPI; --by-day for one line per day.")
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

    private Optional<LocalDate> fromDate;
    private Optional<LocalDate> toDate;

    @Override
    protected void validate() {
        fromDate = date(from, "--from");
        toDate = date(to, "--to");
        if (fromDate.isPresent() && toDate.isPresent() && toDate.get().isBefore(fromDate.get())) {
            throw ScorelineException.badInput("--to " + to + " is before --from " + from);
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var organization = context.getBean(OrganizationStore.class).require(org);
        var totals = context.getBean(KpiValueReader.class).totals(organization.id(), fromDate, toDate, Optional.ofNullable(profile), byDay);
        if (output.json()) {
            totals.forEach(total -> output.jsonLine(json(total)));
        } else if (totals.isEmpty()) {
            output.line("No KPI values for " + organization.slug() + " in this window");
        } else {
            var header = byDay ? List.of("PROFILE", "KPI", "DATE", "VALUE", "FACTS") : List.of("PROFILE", "KPI", "VALUE", "FACTS");
            output.table(header, totals.stream().map(t -> byDay
                    ? List.of(t.profileEmail(), t.kpiKey(), t.date().orElseThrow().toString(), t.value().toPlainString(), Long.toString(t.factCount()))
                    : List.of(t.profileEmail(), t.kpiKey(), t.value().toPlainString(), Long.toString(t.factCount()))).toList());
        }
        return 0;
    }

    private LinkedHashMap<String, Object> json(KpiTotal total) {
        var line = new LinkedHashMap<String, Object>();
        line.put("profile", total.profileEmail());
        line.put("kpi", total.kpiKey());
        total.date().ifPresent(d -> line.put("date", d.toString()));
        line.put("value", total.value());
        return line;
    }

    private static Optional<LocalDate> date(String value, String option) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(DayInput.parse(value, option));
    }
}
