package io.scoreline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.scoreline.gamification.contests.ContestStore;
import io.scoreline.gamification.contests.LeaderboardEntry;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scoreline leaderboard --contest ID}: the ranked board as it stands. */
@Command(name = "leaderboard",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline leaderboard --contest 3",
                "  scoreline leaderboard --contest 3 --json"},
        description = "A contest's leaderboard: rank, person or team, score, when the score was reached.")
final class LeaderboardCommand extends ContextCommand {

    @Option(names = "--contest", required = true, paramLabel = "ID", description = "Contest id (see `contest list`)")
    long contestId;

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var board = context.getBean(ContestStore.class).leaderboard(contestId);
        var contest = board.contest();
        if (output.json()) {
            board.entries().forEach(e -> output.jsonLine(json(e, contest.status().key())));
            return 0;
        }
        output.line("Contest " + contest.id() + " '" + contest.name() + "': " + contest.kpiKey() + " from " + contest.startsOn() + " to "
                + contest.endsOn() + ", " + contest.status().key()
                + contest.target().map(t -> ", target " + plain(t)).orElse(""));
        output.table(List.of("RANK", contest.teams() ? "TEAM" : "PARTICIPANT", "SCORE", "REACHED AT"), board.entries().stream()
                .map(e -> List.of(Integer.toString(e.rank()), e.participant(), plain(e.score()),
                        e.reachedAt().map(Object::toString).orElse("-")))
                .toList());
        return 0;
    }

    private static LinkedHashMap<String, Object> json(LeaderboardEntry entry, String status) {
        var line = new LinkedHashMap<String, Object>();
        line.put("rank", entry.rank());
        line.put("participant", entry.participant());
        line.put("score", new BigDecimal(plain(entry.score())));
        line.put("reached_at", entry.reachedAt().map(Object::toString).orElse(null));
        line.put("status", status);
        return line;
    }

    private static String plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
