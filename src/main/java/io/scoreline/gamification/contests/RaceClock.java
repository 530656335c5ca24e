package io.scoreline.gamification.contests;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * When a race participant reached the target (ADR 0045): the moment of the fact with which the
 * running total of the window's facts, in the order they happened, first came to the target. A
 * race ranks those who reached it by this moment, so a rep who kept working after crossing the line
 * is not ranked behind someone who crossed it later. Computed from the facts every time: a
 * correction that removes a fact moves the moment later, or takes the row back under the target.
 */
final class RaceClock {

    private RaceClock() {}

    /** {@code score} with the moment the target was reached, when the contest is a race and the score is at the target. */
    static Score settle(DSLContext tx, Contest contest, ZoneId zone, Participant participant, Score score) {
        if (contest.format() != ContestFormat.RACE
                || contest.target().isEmpty()
                || !score.reaches(contest.target().get())) {
            return score;
        }
        return crossing(tx, contest, zone, participant, contest.target().get())
                .map(at -> new Score(score.value(), Optional.of(at)))
                .orElse(score);
    }

    private static Optional<Instant> crossing(
            DSLContext tx, Contest contest, ZoneId zone, Participant participant, BigDecimal target) {
        // Facts without a time of day count from the start of their local day, as the scorer does.
        return tx.resultQuery(
                        """
                        select at from (
                            select at, sum(value) over (order by at, record_id, kpi_key rows unbounded preceding) as total
                              from (select coalesce(occurred_at, local_date::timestamp at time zone ?) as at,
                                           value, record_id, kpi_key
                                      from kpi_facts
                                     where organization_id = ? and kpi_key = ? and profile_id = any(?)
                                       and local_date between ? and ?) facts
                        ) running
                        where total >= ? order by at limit 1
                        """,
                        zone.getId(),
                        contest.organizationId(),
                        contest.kpiKey(),
                        participant.members().toArray(Long[]::new),
                        contest.startsOn(),
                        contest.endsOn(),
                        target)
                .fetchOptional(r -> r.get(0, java.time.OffsetDateTime.class).toInstant());
    }
}
