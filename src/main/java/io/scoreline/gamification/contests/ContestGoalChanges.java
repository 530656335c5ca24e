package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.CONTESTS;

import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.pipeline.tenancy.Organization;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * What a goal change does to contests (ADR 0046): every live or provisional contest ranked by
 * percent of goal on the goal's KPI and period unit is re-scored from the source rows and re-ranked,
 * silently. A manager's edit is not something a rep did, so it announces no lead or top 3; the next
 * KPI change notifies as usual. Scheduled contests are scored when they go live, final ones never
 * change.
 */
@Singleton
public final class ContestGoalChanges {

    private final TenantTransactions transactions;
    private final Clock clock;
    private final KpiMeasureCache measures;

    @Inject
    public ContestGoalChanges(TenantTransactions transactions, Clock clock, KpiMeasureCache measures) {
        this.transactions = transactions;
        this.clock = clock;
        this.measures = measures;
    }

    /** Re-scores the contests a goal for {@code kpiKey} per {@code unit} ranks; @return how many */
    public int rescore(Organization organization, String kpiKey, GoalPeriodUnit unit) {
        return transactions.inOrganization(organization.id(), tx -> {
            // Locked in id order, as the leaderboard updater locks them, so neither waits on the other in a circle.
            var contests = tx.selectFrom(CONTESTS)
                    .where(CONTESTS.ORGANIZATION_ID.eq(organization.id()))
                    .and(CONTESTS.KPI_KEY.eq(kpiKey))
                    .and(CONTESTS.RANK_BY.eq(RankBy.PERCENT_OF_GOAL.key()))
                    .and(CONTESTS.GOAL_PERIOD_UNIT.eq(unit.key()))
                    .and(CONTESTS.STATUS.in(ContestStatus.LIVE.key(), ContestStatus.PROVISIONAL.key()))
                    .orderBy(CONTESTS.ID)
                    .forNoKeyUpdate()
                    .fetch(ContestRows::contest);
            if (contests.isEmpty()) {
                return 0;
            }
            var kpis = measures.of(tx, organization.id());
            for (var contest : contests) {
                ContestScorer.rescoreAll(
                        tx, contest, kpis.of(contest.kpiKey()), organization.timezone(), clock.instant());
            }
            return contests.size();
        });
    }
}
