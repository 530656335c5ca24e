package io.scoreline.gamification.badges;

import static io.scoreline.pipeline.db.Tables.KPI_VALUES;

import io.scoreline.gamification.EvaluatorSettings;
import io.scoreline.gamification.KpiChangeConsumer;
import io.scoreline.gamification.ProfileChanges;
import io.scoreline.gamification.badges.BadgeRule.GoalReached;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCatalog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Awards badges (DESIGN §8) from one person's changed KPI cells: it reads the person's daily
 * {@code kpi_values} of the KPIs the affected badges need (one query), judges only the periods the
 * changes touch, and reconciles the judgements with stored awards. It reads state, never deltas, so
 * replaying changes, or evaluating them in any order, ends in the same awards.
 */
public final class BadgeEvaluator implements KpiChangeConsumer {

    private final BadgeStore badges;
    private final AwardReconciler reconciler;
    private final EvaluatorSettings settings;

    public BadgeEvaluator(BadgeStore badges, NotificationStore notifications, EvaluatorSettings settings, Clock clock) {
        this.badges = badges;
        this.reconciler = new AwardReconciler(notifications, clock);
        this.settings = settings;
    }

    @Override
    public void apply(DSLContext tx, ProfileChanges changes) {
        var organization = changes.organization();
        var touched = new HashMap<String, SortedSet<LocalDate>>();
        changes.cells()
                .forEach(cell -> touched.computeIfAbsent(cell.kpiKey(), k -> new TreeSet<>())
                        .add(cell.date()));
        var affected = new ArrayList<Badge>();
        var kpis = new HashSet<String>();
        for (var badge : badges.active(tx, organization.id())) {
            var ruleKpis = badge.definition().rule().kpis();
            if (ruleKpis.stream().anyMatch(touched::containsKey)) {
                affected.add(badge);
                kpis.addAll(ruleKpis);
            }
        }
        if (affected.isEmpty()) {
            return;
        }
        var scope = new EvaluationScope(
                series(tx, organization.id(), changes.profileId(), kpis),
                touched,
                new PeriodCalendar(organization.weekStart()),
                settings.workingDays(),
                settings.personalBestMinHistory());
        var judged = new LinkedHashMap<Badge, List<Judgement>>();
        Map<String, KpiMeasure> catalog = null;
        for (var badge : affected) {
            List<Judgement> judgements;
            if (badge.definition().rule() instanceof GoalReached goal) {
                // Goals are read per period from the database; the catalog once per person and batch.
                catalog = catalog == null ? KpiMeasureCatalog.of(tx, organization.id()) : catalog;
                judgements = GoalJudge.judge(
                        tx, organization, changes.profileId(), goal, scope.touched(goal.kpi()), catalog);
            } else {
                judgements = RuleJudge.judge(badge.definition().rule(), scope);
            }
            if (!judgements.isEmpty()) {
                judged.put(badge, judgements);
            }
        }
        reconciler.reconcile(tx, organization.id(), changes.profileId(), judged, changes.notifies());
    }

    private static DailySeries series(DSLContext tx, long organizationId, long profileId, Iterable<String> kpis) {
        var keys = new ArrayList<String>();
        kpis.forEach(keys::add);
        var byKpi = new HashMap<String, NavigableMap<LocalDate, BigDecimal>>();
        tx.select(KPI_VALUES.KPI_KEY, KPI_VALUES.PERIOD_DATE, KPI_VALUES.VALUE)
                .from(KPI_VALUES)
                .where(KPI_VALUES.ORGANIZATION_ID.eq(organizationId))
                .and(KPI_VALUES.PROFILE_ID.eq(profileId))
                .and(KPI_VALUES.KPI_KEY.eq(DSL.any(keys.toArray(String[]::new))))
                .forEach(r ->
                        byKpi.computeIfAbsent(r.value1(), k -> new TreeMap<>()).put(r.value2(), r.value3()));
        return new DailySeries(byKpi);
    }
}
