package io.scoreline.app.cli.goals;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.GoalView;
import io.scoreline.gamification.goals.Goals;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline goal list}. */
@Command(
        name = "list",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline goal list --org acme", "  scoreline goal list --org acme --json"},
        description = "Goals that run now or start later (ended ones keep their past periods and are not shown).")
final class GoalListCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var list = context.getBean(Goals.class).list(org);
        var views = list.goals().stream().map(GoalView::of).toList();
        if (output.json()) {
            views.forEach(output::jsonLine);
        } else if (views.isEmpty()) {
            output.line("No goals in " + list.organization().slug() + " (see `scoreline goal set`)");
        } else {
            output.table(
                    List.of("ID", "KPI", "PERIOD", "SUBJECT", "NAME", "TARGET", "FROM", "UNTIL"),
                    views.stream()
                            .map(v -> List.of(
                                    Long.toString(v.id()),
                                    v.kpi(),
                                    v.period(),
                                    v.subject(),
                                    v.name(),
                                    v.target().toPlainString(),
                                    v.startsOn().toString(),
                                    v.endsOn() == null ? "-" : v.endsOn().toString()))
                            .toList());
        }
        return 0;
    }
}
