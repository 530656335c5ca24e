package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.CONTESTS;

import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves contests through {@code scheduled → live → provisional → final} as the clock passes their
 * dates. Each step is a compare-and-set on the contest's status in the contest's own organization
 * transaction, together with what the step does, so that two nodes ticking at once move each contest
 * once: going live re-scores the whole board silently (data from before the start counts only if it
 * falls in the window), and final re-scores once more (late corrections during the grace period
 * count), then announces the winner and awards the placement badges.
 */
public final class ContestLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ContestLifecycle.class);

    /** A contest as the directory shows it: enough to know whether it is due, nothing of the tenant's data. */
    record DirectoryEntry(long id, long organizationId, ZoneId zone, ContestStatus status, ContestSchedule schedule) {}

    private final TenantTransactions transactions;
    private final Clock clock;
    private final ContestResults results;
    private final ContestSeriesScheduler series;
    private final KpiMeasureCache measures;

    public ContestLifecycle(
            TenantTransactions transactions, NotificationStore notifications, Clock clock, ContestSettings settings) {
        this(transactions, notifications, clock, settings, new KpiMeasureCache());
    }

    public ContestLifecycle(
            TenantTransactions transactions,
            NotificationStore notifications,
            Clock clock,
            ContestSettings settings,
            KpiMeasureCache measures) {
        this.measures = measures;
        this.transactions = transactions;
        this.clock = clock;
        this.results = new ContestResults(
                new ContestNotifier(notifications, clock, settings.rankNotifyCoalesce()),
                new PlacementAwards(notifications, clock));
        this.series = new ContestSeriesScheduler(transactions, clock);
    }

    /** Moves every contest that is due; @return the number of steps this call made */
    public int tick() {
        // A series' new period is created first, so that a period starting now goes live in this tick.
        series.createDue();
        var now = clock.instant();
        int steps = 0;
        for (var entry : directory()) {
            var due = entry.schedule().statusAt(now);
            var status = entry.status();
            while (status.compareTo(due) < 0) {
                var next = status.next();
                if (!stepLogged(entry, status, next)) {
                    break;
                }
                LOG.info("Contest {} of organization {} is now {}", entry.id(), entry.organizationId(), next.key());
                steps++;
                status = next;
            }
        }
        return steps;
    }

    /** One contest that cannot move (say, its rows are locked too long) must not hold up the others. */
    private boolean stepLogged(DirectoryEntry entry, ContestStatus from, ContestStatus to) {
        try {
            return step(entry, from, to);
        } catch (ScorelineException e) {
            LOG.warn(
                    "Contest {} of organization {} could not move from {} to {}; next tick retries: {}",
                    entry.id(),
                    entry.organizationId(),
                    from.key(),
                    to.key(),
                    e.getMessage(),
                    e);
            return false;
        }
    }

    private List<DirectoryEntry> directory() {
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select id, organization_id, timezone, status, starts_on, ends_on, grace_seconds "
                                + "from scoreline_contest_directory() where status not in ('final', 'cancelled') order by id")
                .fetch(r -> {
                    var zone = ZoneId.of(r.get("timezone", String.class));
                    return new DirectoryEntry(
                            r.get("id", Long.class),
                            r.get("organization_id", Long.class),
                            zone,
                            ContestStatus.fromKey(r.get("status", String.class)),
                            new ContestSchedule(
                                    r.get("starts_on", LocalDate.class),
                                    r.get("ends_on", LocalDate.class),
                                    Duration.ofSeconds(r.get("grace_seconds", Integer.class)),
                                    zone));
                }));
    }

    /** One step, if the contest is still where the directory said; @return whether this call made it */
    private boolean step(DirectoryEntry entry, ContestStatus from, ContestStatus to) {
        return transactions.inOrganization(entry.organizationId(), tx -> {
            var update = tx.update(CONTESTS).set(CONTESTS.STATUS, to.key());
            if (to == ContestStatus.FINAL) {
                update = update.set(CONTESTS.FINALIZED_AT, clock.instant().atOffset(ZoneOffset.UTC));
            }
            var moved = update.where(CONTESTS.ID.eq(entry.id()))
                    .and(CONTESTS.STATUS.eq(from.key()))
                    .returning()
                    .fetchOptional();
            if (moved.isEmpty()) {
                return false;
            }
            var contest = ContestRows.contest(moved.get());
            switch (to) {
                case LIVE -> {
                    if (contest.teams()) {
                        ContestTeams.fixAtStart(tx, contest);
                    }
                    ContestScorer.rescoreAll(tx, contest, measure(tx, contest), entry.zone(), clock.instant());
                }
                // Cancelled contests are not in the directory the ticker walks.
                case PROVISIONAL, SCHEDULED, CANCELLED -> {}
                case FINAL -> finish(tx, contest, entry.zone());
            }
            return true;
        });
    }

    private KpiMeasure measure(DSLContext tx, Contest contest) {
        return measures.of(tx, contest.organizationId()).of(contest.kpiKey());
    }

    private void finish(DSLContext tx, Contest contest, ZoneId zone) {
        ContestScorer.rescoreAll(tx, contest, measure(tx, contest), zone, clock.instant());
        results.announce(tx, contest, LeaderboardRanking.standings(tx, contest.id()));
    }
}
