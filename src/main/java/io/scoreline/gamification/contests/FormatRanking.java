package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.CONTESTS;

import io.scoreline.gamification.contests.LeaderboardRanking.Standing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import org.jooq.DSLContext;

/**
 * The order of a board by its contest's format (ADR 0045). A race puts those who reached the target
 * first, earliest first, then the others as a standard board does; every other format ranks by
 * score, then by the moment the score was reached ({@link LeaderboardRanking#ORDER}).
 */
final class FormatRanking {

    private FormatRanking() {}

    static Comparator<Standing> order(DSLContext tx, long contestId) {
        var row = tx.select(CONTESTS.FORMAT, CONTESTS.TARGET)
                .from(CONTESTS)
                .where(CONTESTS.ID.eq(contestId))
                .fetchOptional();
        if (row.isEmpty()
                || !ContestFormat.RACE.key().equals(row.get().value1())
                || row.get().value2() == null) {
            return LeaderboardRanking.ORDER;
        }
        return race(row.get().value2());
    }

    static Comparator<Standing> race(BigDecimal target) {
        Comparator<Standing> finishedFirst = Comparator.comparing(s -> !s.reaches(target));
        return finishedFirst.thenComparing((a, b) -> {
            boolean finished = a.reaches(target);
            if (finished) {
                int byTime = a.reachedAt()
                        .orElse(Instant.MAX)
                        .compareTo(b.reachedAt().orElse(Instant.MAX));
                return byTime != 0 ? byTime : a.participantKey().compareTo(b.participantKey());
            }
            return LeaderboardRanking.ORDER.compare(a, b);
        });
    }

    /** Whether a race row has reached the target. */
    static boolean finished(Contest contest, Standing standing) {
        return contest.target().isPresent() && standing.reaches(contest.target().get());
    }
}
