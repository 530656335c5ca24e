package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.gamification.contests.Leaderboard;
import io.scoreline.gamification.contests.LeaderboardEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A contest's board: the contest, and its entries with the fields of {@code leaderboard --contest
 * ID --json} (rank, person's e-mail or team's name, score, when it was reached, the contest's status).
 * An undefined score (a ratio below its minimum denominator) is {@code "score": null} with
 * {@code "undefined"} saying why; the field is absent from rows with a score. A board ranked by
 * percent of goal ({@code "rank_by": "percent_of_goal"}) scores each row in percent of the goal for
 * {@code goal_period}; a row without a goal is undefined with the reason (ADR 0046).
 */
@Serdeable
public record LeaderboardBody(
        @JsonProperty("contest_id") long contestId,
        String name,
        String kpi,
        String unit,
        boolean teams,
        String status,
        List<Entry> entries,
        String format,
        List<Pair> pairs,
        @JsonProperty("rank_by") String rankBy,

        @JsonProperty("goal_period") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
        String goalPeriod) {

    /** A head-to-head pair (ADR 0045): the two people's e-mails and the one ahead, null while drawn. */
    @Serdeable
    public record Pair(
            int pair,
            String first,
            String second,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String leader) {}

    /** One row, as {@code leaderboard --json} prints it. */
    @Serdeable
    public record Entry(
            int rank,
            String participant,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            BigDecimal score,

            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable
            String undefined,

            @JsonProperty("reached_at") @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            Instant reachedAt,

            String status) {}

    static LeaderboardBody of(Leaderboard board) {
        var contest = board.contest();
        var status = contest.status().key();
        return new LeaderboardBody(
                contest.id(),
                contest.name(),
                contest.kpiKey(),
                contest.unit().key(),
                contest.teams(),
                status,
                board.entries().stream().map(e -> entry(e, status)).toList(),
                contest.format().key(),
                board.pairs().stream()
                        .map(p -> new Pair(
                                p.pair(), p.first(), p.second(), p.leader().orElse(null)))
                        .toList(),
                contest.rankBy().key(),
                contest.goalPeriod().map(p -> p.key()).orElse(null));
    }

    private static Entry entry(LeaderboardEntry entry, String status) {
        return new Entry(
                entry.rank(),
                entry.participant(),
                entry.value().map(LeaderboardBody::plain).orElse(null),
                entry.undefinedReason().orElse(null),
                entry.reachedAt().orElse(null),
                status);
    }

    /** Without trailing zeros, never in exponent form: 3 rather than 3.000000 or 3E+1. */
    private static BigDecimal plain(BigDecimal value) {
        var stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
