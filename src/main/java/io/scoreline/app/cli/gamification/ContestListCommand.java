package io.scoreline.app.cli.gamification;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.ContestView;
import io.scoreline.gamification.contests.ContestSetup;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline contest list}: an organization's contests, latest first. */
@Command(
        name = "list",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline contest list --org acme", "  scoreline contest list --org acme --json"},
        description = "List an organization's contests with their status.")
final class ContestListCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var listed = context.getBean(ContestSetup.class).list(org);
        var organization = listed.organization();
        var contests = listed.contests();
        if (output.json()) {
            contests.forEach(c -> output.jsonLine(ContestView.of(c)));
        } else if (contests.isEmpty()) {
            output.line("No contests in " + organization.slug() + " (create one with `scoreline contest create`)");
        } else {
            output.table(
                    List.of(
                            "ID", "NAME", "KPI", "FROM", "TO", "MODE", "TARGET", "UNIT", "STATUS", "ENTRIES", "FORMAT",
                            "SERIES", "RANK BY"),
                    contests.stream()
                            .map(s -> {
                                var c = s.contest();
                                return List.of(
                                        Long.toString(c.id()),
                                        c.name(),
                                        c.kpiKey(),
                                        c.startsOn().toString(),
                                        c.endsOn().toString(),
                                        c.teams() ? "teams" : "people",
                                        c.target()
                                                .map(t -> t.stripTrailingZeros().toPlainString())
                                                .orElse("-"),
                                        c.unit().key(),
                                        c.status().key() + (c.hidden() ? " (hidden)" : ""),
                                        Integer.toString(s.entries()),
                                        c.format().key(),
                                        c.seriesId()
                                                .map(id -> "#" + id + " every "
                                                        + s.every()
                                                                .map(e -> e.key())
                                                                .orElse("?"))
                                                .orElse("-"),
                                        c.goalPeriod()
                                                .map(p -> "% of " + p.key() + " goal")
                                                .orElse(c.rankBy().key()));
                            })
                            .toList());
        }
        return 0;
    }
}
