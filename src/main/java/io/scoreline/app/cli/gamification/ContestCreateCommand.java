package io.scoreline.app.cli.gamification;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.ContestView;
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
            "  scoreline contest create --org acme --name \"Team race\" --kpi meetings_booked --from 2026-04-01 --to 2026-04-30 --teams --target 50 --grace 2d",
            "  scoreline contest create --org acme --name \"First to 100\" --kpi calls_made --from 2026-05-01 --to 2026-05-31 --format race --target 100",
            "  scoreline contest create --org acme --name \"Duels\" --kpi calls_made --from 2026-05-01 --to 2026-05-07 --format head_to_head --pairs ann@acme.com:bob@acme.com",
            "  scoreline contest create --org acme --name \"Weekly calls\" --kpi calls_made --from 2026-05-04 --every week --hidden",
            "  scoreline contest create --org acme --name \"Even terms\" --kpi calls_made --from 2026-05-01 --to 2026-05-31 --rank-by percent_of_goal"
        },
        description = "Create a contest on one KPI over whole days in the organization's time zone: standard "
                + "(highest score wins), a race to a target, head-to-head pairs; once or every week or month.")
final class ContestCreateCommand extends ContextCommand {

    @Option(names = "--org", required = true, paramLabel = "SLUG", description = "Organization slug")
    String org;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "What reps see")
    String name;

    @Option(names = "--kpi", required = true, paramLabel = "KEY", description = "KPI key, e.g. call_connects")
    String kpi;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, YYYY-MM-DD")
    String from;

    @Option(
            names = "--to",
            paramLabel = "DATE",
            description = "Last day, inclusive, YYYY-MM-DD (required, except with --every)")
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
            names = "--format",
            paramLabel = "FORMAT",
            description = "standard (default: highest score wins), race (first to reach --target wins) "
                    + "or head_to_head (pairs, each decided apart)")
    String format;

    @Option(
            names = "--pairs",
            paramLabel = "PAIRS",
            description = "head_to_head pairs, e.g. a@acme.com:b@acme.com,c@acme.com:d@acme.com "
                    + "(default: pair by the previous period's value, 1 with 2, 3 with 4)")
    String pairs;

    @Option(
            names = "--every",
            paramLabel = "PERIOD",
            description = "week or month: a series; serve creates each period's contest (--from is the first day)")
    String every;

    @Option(
            names = "--hidden",
            description = "Computed like any contest but notifies nobody and awards nothing, to test a set-up "
                    + "(see `contest update --visible`)")
    boolean hidden;

    @Option(
            names = "--rank-by",
            paramLabel = "RANKING",
            description = "value (default) or percent_of_goal: each participant's value as a percent of their goal "
                    + "for the week, month or quarter holding the window (not with --format race)")
    String rankBy;

    private NewContest request;

    @Override
    protected void validate() {
        request = NewContest.of(
                name, kpi, from, to, teams, target, grace, participants, format, pairs, every, hidden, rankBy);
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
                    + ", " + contest.format().key()
                    + contest.goalPeriod()
                            .map(p -> ", ranked by percent of " + p.key() + " goal")
                            .orElse("")
                    + created.every().map(e -> ", every " + e.key()).orElse("")
                    + (contest.hidden() ? ", hidden" : "")
                    + ", " + contest.status().key() + " (see `scoreline leaderboard --contest " + contest.id() + "`)");
        }
        return 0;
    }
}
