package io.scoreline.app.cli.gamification;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.ContestView;
import io.scoreline.gamification.contests.ContestRanking;
import io.scoreline.gamification.contests.ContestSetup;
import io.scoreline.gamification.contests.NewContest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline contest create}: a contest on one KPI; {@code serve} takes it live on its first day. */
@Command(
        name = "create",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline contest create --org acme --name \"March calls\" --kpi call_connects --from 2026-03-01 --to 2026-03-31",
            "  scoreline contest create --org acme --name \"April on even terms\" --kpi meetings_booked --from 2026-04-01 --to 2026-04-30 --rank-by percent_of_goal",
            "  scoreline contest create --org acme --name \"Team race\" --kpi meetings_booked --from 2026-04-01 --to 2026-04-30 --teams --target 50 --grace 2d"
        },
        description = "Create a contest on one KPI over whole days in the organization's time zone.")
final class ContestCreateCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "What reps see")
    String name;

    @Option(names = "--kpi", required = true, paramLabel = "KEY", description = "KPI key, e.g. call_connects")
    String kpi;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, YYYY-MM-DD")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, inclusive, YYYY-MM-DD")
    String to;

    @Option(
            names = "--teams",
            description = "Rank the top-level teams (each with everyone in its sub-teams) instead of people; "
                    + "each person's team is fixed when the contest starts")
    boolean teams;

    @Option(names = "--target", paramLabel = "N", description = "A score that notifies whoever reaches it (a race)")
    String target;

    @Option(
            names = "--grace",
            paramLabel = "DURATION",
            description =
                    "How long after the last day late corrections still count before the result is final (default 24h; e.g. 90m, 2d, 0)")
    String grace;

    @Option(
            names = "--participants",
            paramLabel = "EMAILS",
            description = "Comma-separated e-mails (default: every active profile)")
    String participants;

    @Option(
            names = "--rank-by",
            paramLabel = "value|percent_of_goal",
            description = "Rank by the KPI's value (default) or by percent of each participant's goal for the "
                    + "window, which must then be exactly one week, month or quarter")
    String rankBy;

    private NewContest request;

    @Override
    protected void validate() {
        request = NewContest.of(name, kpi, from, to, teams, target, grace, participants)
                .rankedBy(ContestRanking.parse(rankBy, "--rank-by"));
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var created = context.getBean(ContestSetup.class).create(org, request);
        if (output.json()) {
            output.jsonLine(ContestView.of(created));
        } else {
            var contest = created.contest();
            output.line("Contest " + contest.id() + " '" + contest.name() + "' created: " + contest.kpiKey() + " from "
                    + contest.startsOn() + " to " + contest.endsOn() + ", " + created.entries()
                    + (contest.teams() ? " team(s)" : " participant(s)")
                    + ", " + contest.status().key() + " (see `scoreline leaderboard --contest " + contest.id() + "`)");
        }
        return 0;
    }
}
