package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.CONTESTS;
import static io.scoreline.pipeline.db.Tables.CONTEST_PARTICIPANTS;

import io.scoreline.gamification.KpiChangeConsumer;
import io.scoreline.gamification.KpiDay;
import io.scoreline.gamification.ProfileChanges;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.pipeline.kpi.measure.KpiMeasures;
import io.scoreline.pipeline.tenancy.Organization;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Keeps leaderboards up to date as KPI cells change: for each live or provisional contest whose KPI
 * (or one of its KPI's inputs, for a derived KPI) and window a changed cell falls in and in which the profile takes part, it re-scores that person's
 * (or team's) row from the source rows, re-ranks the board and tells people who took the lead,
 * entered the top 3 or reached the target. Backfill-origin changes ({@code notifies == false}) move
 * the board silently.
 */
public final class ContestLeaderboardUpdater implements KpiChangeConsumer {

    private final Clock clock;
    private final ContestNotifier notifier;
    private final KpiMeasureCache measures;

    public ContestLeaderboardUpdater(NotificationStore notifications, Clock clock, ContestSettings settings) {
        this(notifications, clock, settings, new KpiMeasureCache());
    }

    public ContestLeaderboardUpdater(
            NotificationStore notifications, Clock clock, ContestSettings settings, KpiMeasureCache measures) {
        this.clock = clock;
        this.notifier = new ContestNotifier(notifications, clock, settings.rankNotifyCoalesce());
        this.measures = measures;
    }

    @Override
    public void apply(DSLContext tx, ProfileChanges changes) {
        forClaim(tx, changes.organization(), List.of(changes)).apply(tx, changes);
    }

    /**
     * The organization's scoring contests are read once per claim (ADR 0052), without a lock: a
     * person whose cells fall in none of their windows costs no query. The others are updated as
     * before, reading and locking the contests their cells fall in. A contest that goes live during
     * the claim is not missed: going live scores its whole board from the stored values.
     */
    @Override
    public ClaimConsumer forClaim(DSLContext tx, Organization organization, List<ProfileChanges> people) {
        var windows = tx.select(CONTESTS.KPI_KEY, CONTESTS.STARTS_ON, CONTESTS.ENDS_ON)
                .from(CONTESTS)
                .where(CONTESTS.ORGANIZATION_ID.eq(organization.id()))
                .and(CONTESTS.STATUS.in(ContestStatus.LIVE.key(), ContestStatus.PROVISIONAL.key()))
                .fetch();
        if (windows.isEmpty()) {
            return (savepoint, changes) -> {};
        }
        var catalog = measures.memo(organization.id());
        return (savepoint, changes) -> {
            var kpis = catalog.of(savepoint);
            boolean touches = changes.cells().stream().anyMatch(cell -> {
                var reading = kpis.reading(cell.kpiKey());
                return windows.stream()
                        .anyMatch(w -> reading.contains(w.value1())
                                && !cell.date().isBefore(w.value2())
                                && !cell.date().isAfter(w.value3()));
            });
            if (touches) {
                update(savepoint, changes, kpis);
            }
        };
    }

    private void update(DSLContext tx, ProfileChanges changes, KpiMeasures kpis) {
        var organization = changes.organization();
        var touched = touchedContests(tx, organization.id(), changes.profileId(), changes.cells(), kpis);
        for (var contest : touched.values()) {
            var participant = ContestScorer.participantOf(tx, contest, changes.profileId());
            if (participant.isEmpty()) {
                continue;
            }
            var before = LeaderboardRanking.standings(tx, contest.id());
            var measure = kpis.of(contest.kpiKey());
            var score = ContestScorer.score(tx, contest, measure, organization.timezone(), participant.get());
            var previous = ContestScorer.store(tx, contest, participant.get().key(), score, clock.instant());
            if (firstSnapshot(measure, participant.get(), score, before)) {
                // The organization's first snapshot of the KPI (ADR 0043): everyone else's value
                // went from undefined to what they hold (0 without a row of their own) at once.
                ContestScorer.rescoreAll(tx, contest, measure, organization.timezone(), clock.instant());
            }
            var after = LeaderboardRanking.rerank(tx, contest.id());
            if (changes.notifies()) {
                notifier.targetCrossing(tx, contest, participant.get(), previous, score);
                notifier.rankChanges(tx, contest, before, after);
            }
        }
    }

    /** A snapshot score became defined while other rows still say no snapshot had been taken. */
    private static boolean firstSnapshot(
            KpiMeasure measure,
            Participant participant,
            Score score,
            java.util.Map<String, LeaderboardRanking.Standing> before) {
        return measure.formula() instanceof KpiFormula.Snapshot
                && score.value() instanceof MeasuredValue.Defined
                && before.values().stream()
                        .anyMatch(s -> !s.participantKey().equals(participant.key())
                                && s.score() instanceof MeasuredValue.Undefined);
    }

    /**
     * The scoring contests the cells fall in (a contest on a derived KPI when any of its inputs
     * changed in its window), locked in id order: updates of one contest by several
     * workers queue behind each other (ranks are read, then written), and the fixed order keeps two
     * workers from waiting on each other in a circle.
     */
    private static TreeMap<Long, Contest> touchedContests(
            DSLContext tx, long organizationId, long profileId, Set<KpiDay> cells, KpiMeasures kpis) {
        Condition inWindow = DSL.falseCondition();
        for (var cell : cells) {
            inWindow = inWindow.or(CONTESTS.KPI_KEY
                    .in(kpis.reading(cell.kpiKey()))
                    .and(CONTESTS.STARTS_ON.le(cell.date()))
                    .and(CONTESTS.ENDS_ON.ge(cell.date())));
        }
        var contests = new TreeMap<Long, Contest>();
        tx.selectFrom(CONTESTS)
                .where(CONTESTS.ORGANIZATION_ID.eq(organizationId))
                .and(CONTESTS.STATUS.in(ContestStatus.LIVE.key(), ContestStatus.PROVISIONAL.key()))
                .and(inWindow)
                .andExists(tx.selectOne()
                        .from(CONTEST_PARTICIPANTS)
                        .where(CONTEST_PARTICIPANTS.CONTEST_ID.eq(CONTESTS.ID))
                        .and(CONTEST_PARTICIPANTS.PROFILE_ID.eq(profileId)))
                .orderBy(CONTESTS.ID)
                .forNoKeyUpdate()
                .fetch()
                .forEach(r -> contests.put(r.getId(), ContestRows.contest(r)));
        return contests;
    }
}
