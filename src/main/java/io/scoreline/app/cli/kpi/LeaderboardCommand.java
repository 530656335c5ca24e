package io.scoreline.app.cli.kpi;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.view.GoalProgressView;
import io.scoreline.app.view.LeaderboardEntryView;
import io.scoreline.gamification.goals.ContestGoals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline leaderboard --contest ID}: the ranked board as it stands, with goals where there are. */
@Command(
        name = "leaderboard",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline leaderboard --contest 3", "  scoreline leaderboard --contest 3 --json"},
        description = "A contest's leaderboard: rank, person or team, score (— when undefined), when the score was"
                + " reached; when the contest's KPI has goals, each participant's target, percent and pace for the"
                + " goal period that holds the contest's window.")
public final class LeaderboardCommand extends ContextCommand {

    @Option(names = "--contest", required = true, paramLabel = "ID", description = "Contest id (see `contest list`)")
    long contestId;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var goals = context.getBean(ContestGoals.class).show(contestId);
        var board = goals.leaderboard();
        var contest = board.contest();
        if (output.json()) {
            LeaderboardEntryView.of(goals).forEach(output::jsonLine);
            return 0;
        }
        output.line("Contest " + contest.id() + " '" + contest.name() + "': " + contest.kpiKey() + " ("
                + contest.unit().key() + ") from "
                + contest.startsOn() + " to "
                + contest.endsOn() + ", " + contest.status().key()
                + contest.target().map(t -> ", target " + plain(t)).orElse("")
                + contest.goalPeriod()
                        .map(p -> ", ranked by percent of " + p.key() + " goal")
                        .orElse(""));
        // Goal columns only when someone on the board has a goal: a board without goals looks as before.
        boolean withGoals = !goals.goals().isEmpty();
        var header = new ArrayList<>(List.of("RANK", contest.teams() ? "TEAM" : "PARTICIPANT", "SCORE", "REACHED AT"));
        if (withGoals) {
            header.addAll(List.of("GOAL", "TARGET", "PERCENT", "PACE"));
        }
        output.table(
                header,
                board.entries().stream()
                        .map(e -> {
                            var row = new ArrayList<>(List.of(
                                    Integer.toString(e.rank()),
                                    e.participant(),
                                    // Undefined (too few calls for a rate, …): no number, ranked last.
                                    e.value().map(LeaderboardCommand::plain).orElse("—"),
                                    e.reachedAt().map(Object::toString).orElse("-")));
                            if (withGoals) {
                                row.addAll(goals.goalOf(e.participantKey())
                                        .map(GoalProgressView::of)
                                        .map(p -> List.of(
                                                p.period(),
                                                p.target().toPlainString(),
                                                p.percent() == null
                                                        ? "undefined"
                                                        : p.percent().toPlainString() + "%",
                                                UnitFigures.text(p.pace(), contest.unit())))
                                        .orElse(List.of("-", "-", "-", "-")));
                            }
                            return (List<String>) row;
                        })
                        .toList());
        if (!board.pairs().isEmpty()) {
            output.table(
                    List.of("PAIR", "FIRST", "SECOND", "AHEAD"),
                    board.pairs().stream()
                            .map(p -> List.of(
                                    Integer.toString(p.pair()),
                                    p.first(),
                                    p.second(),
                                    p.leader().orElse("draw")))
                            .toList());
        }
        return 0;
    }

    private static String plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
