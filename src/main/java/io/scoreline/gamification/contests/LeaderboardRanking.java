package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.CONTESTS;
import static io.scoreline.pipeline.db.Tables.CONTEST_LEADERBOARDS;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Ranks a contest's rows: in a percent-of-goal contest, rows without a goal after every row with
 * one; then higher score first; of equal scores, the one reached earlier; then the
 * participant key, so that the order is total and the same on every node. Ranks are 1, 2, 3, …
 * without gaps or shared places, because a tie always has a first to reach it.
 */
final class LeaderboardRanking {

    /**
     * A row before or after a re-rank; {@code rank} is 0 while the row has never been ranked.
     * {@code goal} is what a percent-of-goal score is of; such a row without one ranks last.
     */
    record Standing(
            String participantKey,
            BigDecimal score,
            Optional<Instant> reachedAt,
            int rank,
            Optional<BigDecimal> goal,
            boolean goalRequired) {

        Standing(String participantKey, BigDecimal score, Optional<Instant> reachedAt, int rank) {
            this(participantKey, score, reachedAt, rank, Optional.empty(), false);
        }

        boolean withoutGoal() {
            return goalRequired && goal.isEmpty();
        }

        boolean inTop(int places) {
            return rank >= 1 && rank <= places;
        }
    }

    static final Comparator<Standing> ORDER = Comparator.comparing(Standing::withoutGoal)
            .thenComparing(Standing::score, Comparator.reverseOrder())
            .thenComparing(s -> s.reachedAt().orElse(Instant.MAX))
            .thenComparing(Standing::participantKey);

    private LeaderboardRanking() {}

    /** The rows as stored, keyed by participant, best first. */
    static Map<String, Standing> standings(DSLContext tx, long contestId) {
        var standings = new LinkedHashMap<String, Standing>();
        boolean goalRequired = ContestRanking.PERCENT_OF_GOAL
                .key()
                .equals(tx.select(CONTESTS.RANK_BY)
                        .from(CONTESTS)
                        .where(CONTESTS.ID.eq(contestId))
                        .fetchOne(CONTESTS.RANK_BY));
        tx.select(
                        CONTEST_LEADERBOARDS.PARTICIPANT_KEY,
                        CONTEST_LEADERBOARDS.SCORE,
                        CONTEST_LEADERBOARDS.REACHED_AT,
                        CONTEST_LEADERBOARDS.RANK,
                        CONTEST_LEADERBOARDS.GOAL)
                .from(CONTEST_LEADERBOARDS)
                .where(CONTEST_LEADERBOARDS.CONTEST_ID.eq(contestId))
                .orderBy(CONTEST_LEADERBOARDS.RANK.asc().nullsLast(), CONTEST_LEADERBOARDS.PARTICIPANT_KEY)
                .forEach(r -> standings.put(
                        r.value1(),
                        new Standing(
                                r.value1(),
                                r.value2(),
                                Optional.ofNullable(r.value3()).map(t -> t.toInstant()),
                                r.value4() == null ? 0 : r.value4(),
                                Optional.ofNullable(r.value5()),
                                goalRequired)));
        return standings;
    }

    /** Recomputes the ranks from the stored scores, writes the ones that moved; @return the new standings */
    static Map<String, Standing> rerank(DSLContext tx, long contestId) {
        var sorted = standings(tx, contestId).values().stream().sorted(ORDER).toList();
        var result = new LinkedHashMap<String, Standing>();
        int rank = 0;
        for (var standing : sorted) {
            rank++;
            if (standing.rank() != rank) {
                tx.update(CONTEST_LEADERBOARDS)
                        .set(CONTEST_LEADERBOARDS.RANK, rank)
                        .where(CONTEST_LEADERBOARDS.CONTEST_ID.eq(contestId))
                        .and(CONTEST_LEADERBOARDS.PARTICIPANT_KEY.eq(standing.participantKey()))
                        .execute();
            }
            result.put(
                    standing.participantKey(),
                    new Standing(
                            standing.participantKey(),
                            standing.score(),
                            standing.reachedAt(),
                            rank,
                            standing.goal(),
                            standing.goalRequired()));
        }
        return result;
    }
}
