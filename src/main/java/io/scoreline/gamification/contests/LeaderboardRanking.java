package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.CONTEST_LEADERBOARDS;

import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Ranks a contest's rows: higher score first; of equal scores, the one reached earlier; then the
 * participant key, so that the order is total and the same on every node. Ranks are 1, 2, 3, …
 * without gaps or shared places, because a tie always has a first to reach it. Undefined scores
 * (ADR 0042) rank after every defined one, among themselves by participant key.
 */
final class LeaderboardRanking {

    /** A row before or after a re-rank; {@code rank} is 0 while the row has never been ranked. */
    record Standing(String participantKey, MeasuredValue score, Optional<Instant> reachedAt, int rank) {

        boolean inTop(int places) {
            return rank >= 1 && rank <= places;
        }

        /** Defined and above zero: a row that has done something (it can lead, place, win). */
        boolean positive() {
            return Score.positive(score);
        }
    }

    /** Defined scores, best first; an undefined one after every number. */
    private static final Comparator<MeasuredValue> BEST_FIRST = (a, b) -> switch (a) {
        case MeasuredValue.Defined(var x) -> b instanceof MeasuredValue.Defined(var y) ? y.compareTo(x) : -1;
        case MeasuredValue.Undefined _ -> b instanceof MeasuredValue.Defined ? 1 : 0;
    };

    static final Comparator<Standing> ORDER = Comparator.comparing(Standing::score, BEST_FIRST)
            .thenComparing(s -> s.reachedAt().orElse(Instant.MAX))
            .thenComparing(Standing::participantKey);

    private LeaderboardRanking() {}

    /** The rows as stored, keyed by participant, best first. */
    static Map<String, Standing> standings(DSLContext tx, long contestId) {
        var standings = new LinkedHashMap<String, Standing>();
        tx.select(
                        CONTEST_LEADERBOARDS.PARTICIPANT_KEY,
                        CONTEST_LEADERBOARDS.SCORE,
                        CONTEST_LEADERBOARDS.UNDEFINED_REASON,
                        CONTEST_LEADERBOARDS.REACHED_AT,
                        CONTEST_LEADERBOARDS.RANK)
                .from(CONTEST_LEADERBOARDS)
                .where(CONTEST_LEADERBOARDS.CONTEST_ID.eq(contestId))
                .orderBy(CONTEST_LEADERBOARDS.RANK.asc().nullsLast(), CONTEST_LEADERBOARDS.PARTICIPANT_KEY)
                .forEach(r -> standings.put(
                        r.value1(),
                        new Standing(
                                r.value1(),
                                value(r.value2(), r.value3()),
                                Optional.ofNullable(r.value4()).map(t -> t.toInstant()),
                                r.value5() == null ? 0 : r.value5())));
        return standings;
    }

    /** A stored row's score: the number, or why there is none (V33 keeps exactly one of the two). */
    static MeasuredValue value(BigDecimal score, String undefinedReason) {
        return score == null
                ? new MeasuredValue.Undefined(undefinedReason == null ? "no value" : undefinedReason)
                : new MeasuredValue.Defined(score);
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
                    new Standing(standing.participantKey(), standing.score(), standing.reachedAt(), rank));
        }
        return result;
    }
}
