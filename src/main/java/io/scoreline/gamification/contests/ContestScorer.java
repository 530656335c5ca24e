package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.CONTEST_LEADERBOARDS;
import static io.scoreline.pipeline.db.Tables.CONTEST_PARTICIPANTS;
import static io.scoreline.pipeline.db.Tables.KPI_FACTS;
import static io.scoreline.pipeline.db.Tables.KPI_VALUES;

import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.kpi.measure.KpiMeasureReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Computes scores through {@link KpiMeasureReader} (and, for the moment a score was reached, from
 * {@code kpi_facts}) and writes them into the leaderboard. Always from the source rows, never by adding deltas, so a
 * correction, a replay or a recomputation all converge on the same board.
 */
final class ContestScorer {

    private ContestScorer() {}

    /** Every participant of the contest: each person, or each team with the people in it. */
    static List<Participant> participants(DSLContext tx, Contest contest) {
        var rows = tx.select(CONTEST_PARTICIPANTS.PROFILE_ID, CONTEST_PARTICIPANTS.TEAM_ID)
                .from(CONTEST_PARTICIPANTS)
                .where(CONTEST_PARTICIPANTS.CONTEST_ID.eq(contest.id()))
                .orderBy(CONTEST_PARTICIPANTS.PROFILE_ID)
                .fetch();
        if (!contest.teams()) {
            return rows.map(r -> new Participant(Participant.profileKey(r.value1()), List.of(r.value1())));
        }
        var byTeam = new LinkedHashMap<Long, List<Long>>();
        rows.forEach(r -> {
            if (r.value2() != null) {
                byTeam.computeIfAbsent(r.value2(), t -> new ArrayList<>()).add(r.value1());
            }
        });
        return byTeam.entrySet().stream()
                .map(e -> new Participant(Participant.teamKey(e.getKey()), e.getValue()))
                .toList();
    }

    /** The row {@code profileId} counts towards, if they take part (in a team contest, only with a team). */
    static Optional<Participant> participantOf(DSLContext tx, Contest contest, long profileId) {
        var row = tx.select(CONTEST_PARTICIPANTS.TEAM_ID)
                .from(CONTEST_PARTICIPANTS)
                .where(CONTEST_PARTICIPANTS.CONTEST_ID.eq(contest.id()))
                .and(CONTEST_PARTICIPANTS.PROFILE_ID.eq(profileId))
                .fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        if (!contest.teams()) {
            return Optional.of(new Participant(Participant.profileKey(profileId), List.of(profileId)));
        }
        Long teamId = row.get().value1();
        if (teamId == null) {
            return Optional.empty();
        }
        var members = tx.select(CONTEST_PARTICIPANTS.PROFILE_ID)
                .from(CONTEST_PARTICIPANTS)
                .where(CONTEST_PARTICIPANTS.CONTEST_ID.eq(contest.id()))
                .and(CONTEST_PARTICIPANTS.TEAM_ID.eq(teamId))
                .orderBy(CONTEST_PARTICIPANTS.PROFILE_ID)
                .fetch(CONTEST_PARTICIPANTS.PROFILE_ID);
        return Optional.of(new Participant(Participant.teamKey(teamId), members));
    }

    /**
     * The participant's value of the contest's KPI over the contest's days, read as everything else
     * reads a KPI (ADR 0042): a team's ratio divides its members' summed parts, a scorecard caps each
     * person's day. The moment it was reached is the latest fact among the KPI's inputs in the window
     * (a snapshot's: when its value was taken). In a contest ranked by percent of goal the value
     * becomes its percent of the participant's goal ({@link PercentOfGoal}).
     */
    static Score score(DSLContext tx, Contest contest, KpiMeasure measure, ZoneId zone, Participant participant) {
        var value = PercentOfGoal.of(
                tx,
                contest,
                participant,
                KpiMeasureReader.value(
                        tx,
                        contest.organizationId(),
                        measure,
                        participant.members(),
                        contest.startsOn(),
                        contest.endsOn()));
        return switch (value) {
            case MeasuredValue.Undefined undefined -> new Score(undefined, Optional.empty());
            case MeasuredValue.Defined defined when defined.value().signum() == 0 -> Score.ZERO;
            case MeasuredValue.Defined defined ->
                RaceClock.settle(
                        tx,
                        contest,
                        zone,
                        participant,
                        new Score(defined, reachedAt(tx, contest, measure, participant.members(), zone)));
        };
    }

    /**
     * When the participant reached their value: for a snapshot KPI the moment the value in effect at
     * the window's end was taken (ADR 0043; its facts' dates are the records', not the state's); for
     * any other the latest fact among the KPI's inputs in the window.
     */
    private static Optional<Instant> reachedAt(
            DSLContext tx, Contest contest, KpiMeasure measure, List<Long> people, ZoneId zone) {
        if (measure.formula() instanceof KpiFormula.Snapshot snapshot) {
            return KpiMeasureReader.snapshotTakenAt(tx, contest.organizationId(), snapshot, people, contest.endsOn());
        }
        return reachedAt(tx, contest, measure.inputs(), people, zone);
    }

    private static Optional<Instant> reachedAt(
            DSLContext tx, Contest contest, List<String> inputs, List<Long> people, ZoneId zone) {
        var members = people.toArray(Long[]::new);
        var lastActivity = tx.select(DSL.max(KPI_FACTS.OCCURRED_AT))
                .from(KPI_FACTS)
                .where(KPI_FACTS.ORGANIZATION_ID.eq(contest.organizationId()))
                .and(KPI_FACTS.PROFILE_ID.eq(DSL.any(members)))
                .and(KPI_FACTS.KPI_KEY.in(inputs))
                .and(KPI_FACTS.LOCAL_DATE.between(contest.startsOn(), contest.endsOn()))
                .fetchSingle()
                .value1();
        if (lastActivity != null) {
            return Optional.of(lastActivity.toInstant());
        }
        // Facts without a time of day (a date-only CRM field) count from the start of their day.
        var lastDay = tx.select(DSL.max(KPI_VALUES.PERIOD_DATE))
                .from(KPI_VALUES)
                .where(KPI_VALUES.ORGANIZATION_ID.eq(contest.organizationId()))
                .and(KPI_VALUES.PROFILE_ID.eq(DSL.any(members)))
                .and(KPI_VALUES.KPI_KEY.in(inputs))
                .and(KPI_VALUES.PERIOD_DATE.between(contest.startsOn(), contest.endsOn()))
                .fetchSingle()
                .value1();
        return Optional.ofNullable(lastDay).map(day -> day.atStartOfDay(zone).toInstant());
    }

    /** Writes the score; @return the score it replaced */
    static Score store(DSLContext tx, Contest contest, String participantKey, Score score, Instant now) {
        var previous = tx.select(
                        CONTEST_LEADERBOARDS.SCORE,
                        CONTEST_LEADERBOARDS.UNDEFINED_REASON,
                        CONTEST_LEADERBOARDS.REACHED_AT)
                .from(CONTEST_LEADERBOARDS)
                .where(CONTEST_LEADERBOARDS.CONTEST_ID.eq(contest.id()))
                .and(CONTEST_LEADERBOARDS.PARTICIPANT_KEY.eq(participantKey))
                .fetchOptional(r -> new Score(
                        LeaderboardRanking.value(r.value1(), r.value2()),
                        Optional.ofNullable(r.value3()).map(t -> t.toInstant())));
        if (previous.isPresent() && previous.get().sameAs(score)) {
            // A replay: leave the row (and its updated_at) exactly as it was.
            return previous.get();
        }
        var reachedAt = score.reachedAt().map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null);
        BigDecimal value = score.value() instanceof MeasuredValue.Defined(var v) ? v : null;
        String undefined = score.value() instanceof MeasuredValue.Undefined(var reason) ? reason : null;
        tx.insertInto(CONTEST_LEADERBOARDS)
                .set(CONTEST_LEADERBOARDS.CONTEST_ID, contest.id())
                .set(CONTEST_LEADERBOARDS.ORGANIZATION_ID, contest.organizationId())
                .set(CONTEST_LEADERBOARDS.PARTICIPANT_KEY, participantKey)
                .set(CONTEST_LEADERBOARDS.SCORE, value)
                .set(CONTEST_LEADERBOARDS.UNDEFINED_REASON, undefined)
                .set(CONTEST_LEADERBOARDS.REACHED_AT, reachedAt)
                .set(CONTEST_LEADERBOARDS.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(CONTEST_LEADERBOARDS.CONTEST_ID, CONTEST_LEADERBOARDS.PARTICIPANT_KEY)
                .doUpdate()
                .set(CONTEST_LEADERBOARDS.SCORE, value)
                .set(CONTEST_LEADERBOARDS.UNDEFINED_REASON, undefined)
                .set(CONTEST_LEADERBOARDS.REACHED_AT, reachedAt)
                .set(CONTEST_LEADERBOARDS.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
        return previous.orElse(Score.ZERO);
    }

    /** Re-scores every participant from the source rows, reading what the contest's KPI means afresh. */
    static void rescoreAll(DSLContext tx, Contest contest, ZoneId zone, Instant now) {
        var measure = KnownKpis.measures(tx, contest.organizationId()).get(contest.kpiKey());
        rescoreAll(
                tx,
                contest,
                measure != null ? measure : KpiMeasure.stored(contest.kpiKey(), contest.unit()),
                zone,
                now);
    }

    /** Re-scores every participant from the source rows (going live, finalizing), by the KPI's one {@code measure}. */
    static void rescoreAll(DSLContext tx, Contest contest, KpiMeasure measure, ZoneId zone, Instant now) {
        for (var participant : participants(tx, contest)) {
            store(tx, contest, participant.key(), score(tx, contest, measure, zone, participant), now);
        }
        LeaderboardRanking.rerank(tx, contest.id());
    }

    /** The people behind a leaderboard row. */
    static Participant participant(DSLContext tx, Contest contest, String participantKey) {
        long id = Long.parseLong(participantKey.substring(participantKey.indexOf(':') + 1));
        if (participantKey.startsWith("profile:")) {
            return new Participant(participantKey, List.of(id));
        }
        var members = tx.select(CONTEST_PARTICIPANTS.PROFILE_ID)
                .from(CONTEST_PARTICIPANTS)
                .where(CONTEST_PARTICIPANTS.CONTEST_ID.eq(contest.id()))
                .and(CONTEST_PARTICIPANTS.TEAM_ID.eq(id))
                .orderBy(CONTEST_PARTICIPANTS.PROFILE_ID)
                .fetch(CONTEST_PARTICIPANTS.PROFILE_ID);
        return new Participant(participantKey, members);
    }
}
