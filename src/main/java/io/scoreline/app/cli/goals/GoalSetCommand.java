package io.scoreline.app.cli.goals;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.GoalView;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.pipeline.goals.GoalInput;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.goals.NewGoal;
import io.scoreline.pipeline.tenancy.DayInput;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scoreline goal set}. */
@Command(
        name = "set",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline goal set --org acme --kpi calls_made --period week --target 50 --role rep",
            "  scoreline goal set --org acme --kpi revenue_won --period quarter --target 120000 --team EMEA",
            "  scoreline goal set --org acme --kpi calls_made --period month --target 220 --team-members EMEA --from 2026-04-01"
        },
        description = "Set a goal from the current period (or --from's) on; an earlier goal of the same subject,"
                + " KPI and period ends before it, so past periods keep their target.")
final class GoalSetCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--kpi", required = true, paramLabel = "KPI", description = "KPI key (stored, snapshot or derived)")
    String kpi;

    @Option(names = "--period", required = true, paramLabel = "UNIT", description = "week, month or quarter")
    String period;

    @Option(names = "--target", required = true, paramLabel = "N", description = "Target per period, above 0")
    String target;

    @Option(names = "--from", paramLabel = "DATE", description = "A day of the first period (default: today)")
    String from;

    @Mixin
    GoalSubjectOptions subject;

    private NewGoal request;

    @Override
    protected void validate() {
        var value = GoalInput.target(target, "--target");
        request = new NewGoal(
                kpi.strip(),
                GoalPeriodUnit.fromKey(period),
                subject.subject(),
                value,
                Optional.ofNullable(from).map(f -> DayInput.parse(f, "--from")));
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var set = context.getBean(Goals.class).set(org, request);
        var view = GoalView.of(set.goal());
        if (output.json()) {
            output.jsonLine(view);
        } else {
            output.line("Goal " + view.id() + ": " + view.kpi() + " "
                    + view.target().toPlainString() + " per "
                    + view.period() + " for " + view.subject().replace('_', ' ') + " " + view.name() + " from "
                    + view.startsOn() + " in " + set.organization().slug());
        }
        return 0;
    }
}
