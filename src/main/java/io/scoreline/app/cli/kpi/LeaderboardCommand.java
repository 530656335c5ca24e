package io.scoreline.app.cli.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.gamification.contests.Contest;
import io.scoreline.gamification.contests.ContestRanking;
import io.scoreline.gamification.contests.LeaderboardEntry;
import io.scoreline.gamification.contests.Leaderboards;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline leaderboard --contest ID}: the ranked board as it stands. */
@Command(
        name = "leaderboard",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline leaderboard --contest 3", "  scoreline leaderboard --contest 3 --json"},
        description = "A contest's leaderboard: rank, person or team, score, when the score was reached.")
public final class LeaderboardCommand extends ContextCommand {

    @Option(names = "--contest", required = true, paramLabel = "ID", description = "Contest id (see `contest list`)")
    long contestId;

    /** The {@code --json} line of DESIGN §10, with the contest's status. */
    record EntryLine(
            int rank,
            String participant,
            BigDecimal score,
            @JsonProperty("reached_at") Instant reachedAt,
            String status,
            @JsonInclude(JsonInclude.Include.NON_NULL) String goal) {

        static EntryLine of(LeaderboardEntry entry, Contest contest) {
            return new EntryLine(
                    entry.rank(),
                    entry.participant(),
                    new BigDecimal(plain(entry.score())),
                    entry.reachedAt().orElse(null),
                    contest.status().key(),
                    entry.goalText(contest).orElse(null));
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var board = context.getBean(Leaderboards.class).show(contestId);
        var contest = board.contest();
        if (output.json()) {
            board.entries().forEach(e -> output.jsonLine(EntryLine.of(e, contest)));
            return 0;
        }
        output.line("Contest " + contest.id() + " '" + contest.name() + "': " + contest.kpiKey() + " from "
                + contest.startsOn() + " to "
                + contest.endsOn() + ", " + contest.status().key()
                + contest.target().map(t -> ", target " + plain(t)).orElse(""));
        if (contest.rankBy() == ContestRanking.PERCENT_OF_GOAL) {
            output.line("Ranked by percent of each participant's goal for the window; rows without a goal rank last.");
            output.table(
                    List.of("RANK", contest.teams() ? "TEAM" : "PARTICIPANT", "% OF GOAL", "GOAL", "REACHED AT"),
                    board.entries().stream()
                            .map(e -> List.of(
                                    Integer.toString(e.rank()),
                                    e.participant(),
                                    e.withoutGoal() ? "-" : plain(e.score()),
                                    e.goalText(contest)
                                            .map(g -> g.equals("none") ? "no goal" : g)
                                            .orElse("-"),
                                    e.reachedAt().map(Object::toString).orElse("-")))
                            .toList());
            return 0;
        }
        output.table(
                List.of("RANK", contest.teams() ? "TEAM" : "PARTICIPANT", "SCORE", "REACHED AT"),
                board.entries().stream()
                        .map(e -> List.of(
                                Integer.toString(e.rank()),
                                e.participant(),
                                plain(e.score()),
                                e.reachedAt().map(Object::toString).orElse("-")))
                        .toList());
        return 0;
    }

    private static String plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
