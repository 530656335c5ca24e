package io.scoreline.app.cli.goals;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.GoalProgressView;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.gamification.goals.ProgressQuery;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.goals.GoalSubjectRef;
import io.scoreline.pipeline.tenancy.DayInput;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline goal progress}. */
@Command(
        name = "progress",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline goal progress --org acme --kpi calls_made --period month --person ana@acme.example",
            "  scoreline goal progress --org acme --kpi revenue_won --period quarter --team EMEA --json"
        },
        description = "A person's or team's value, percent of goal and pace (expected by today over working days).")
final class GoalProgressCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--kpi", required = true, paramLabel = "KPI", description = "KPI key")
    String kpi;

    @Option(names = "--period", required = true, paramLabel = "UNIT", description = "week, month or quarter")
    String period;

    @Option(names = "--person", paramLabel = "EMAIL", description = "The person")
    String person;

    @Option(names = "--team", paramLabel = "TEAM", description = "The team (its total, sub-teams included)")
    String team;

    @Option(names = "--date", paramLabel = "DATE", description = "A day of the period (default: today)")
    String date;

    private ProgressQuery query;

    @Override
    protected void validate() {
        if ((person == null) == (team == null)) {
            throw ScorelineException.badInput("give exactly one of --person, --team");
        }
        GoalSubjectRef subject = person != null ? new GoalSubjectRef.Person(person) : new GoalSubjectRef.Team(team);
        query = new ProgressQuery(
                subject,
                kpi.strip(),
                GoalPeriodUnit.fromKey(period),
                Optional.ofNullable(date).map(d -> DayInput.parse(d, "--date")));
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var view = GoalProgressView.of(
                context.getBean(Goals.class).progress(org, query).progress());
        if (output.json()) {
            output.jsonLine(view);
        } else {
            output.line(view.name() + " " + view.kpi() + " " + view.period() + ": "
                    + (view.value() == null
                            ? "undefined (" + view.undefinedReason() + ")"
                            : view.value().toPlainString() + " of "
                                    + view.target().toPlainString() + " ("
                                    + view.percent().toPlainString() + "%), pace "
                                    + view.pace().toPlainString() + " after " + view.workingDaysElapsed() + " of "
                                    + view.workingDays() + " working days: "
                                    + view.status().replace('_', ' ')
                                    + (view.aheadBy().signum() == 0
                                            ? ""
                                            : " by " + view.aheadBy().abs().toPlainString()))
                    + " (goal of " + view.goalSubject().replace('_', ' ') + " " + view.goalName() + ")");
        }
        return 0;
    }
}
