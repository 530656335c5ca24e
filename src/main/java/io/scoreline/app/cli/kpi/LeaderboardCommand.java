package io.scoreline.app.cli.kpi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.context.ApplicationContext;
import io.scoreline.app.cli.CliOutput;
import io.scoreline.app.cli.ContextCommand;
import io.scoreline.app.cli.HelpOptions;
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
        description =
                "A contest's leaderboard: rank, person or team, score (— when undefined), when the score was reached.")
public final class LeaderboardCommand extends ContextCommand {

    @Option(names = "--contest", required = true, paramLabel = "ID", description = "Contest id (see `contest list`)")
    long contestId;

    /** The {@code --json} line of DESIGN §10, with the contest's status. */
    record EntryLine(
            int rank,
            String participant,
            BigDecimal score,
            @JsonInclude(JsonInclude.Include.NON_NULL) String undefined,
            @JsonProperty("reached_at") Instant reachedAt,
            String status) {

        static EntryLine of(LeaderboardEntry entry, String status) {
            return new EntryLine(
                    entry.rank(),
                    entry.participant(),
                    entry.value().map(v -> new BigDecimal(plain(v))).orElse(null),
                    entry.undefinedReason().orElse(null),
                    entry.reachedAt().orElse(null),
                    status);
        }
    }

    @Override
    protected int run(ApplicationContext context, CliOutput output) {
        var board = context.getBean(Leaderboards.class).show(contestId);
        var contest = board.contest();
        if (output.json()) {
            board.entries()
                    .forEach(e ->
                            output.jsonLine(EntryLine.of(e, contest.status().key())));
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
        output.table(
                List.of("RANK", contest.teams() ? "TEAM" : "PARTICIPANT", "SCORE", "REACHED AT"),
                board.entries().stream()
                        .map(e -> List.of(
                                Integer.toString(e.rank()),
                                e.participant(),
                                // Undefined (too few calls for a rate, …): no number, ranked last.
                                e.value().map(LeaderboardCommand::plain).orElse("—"),
                                e.reachedAt().map(Object::toString).orElse("-")))
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
