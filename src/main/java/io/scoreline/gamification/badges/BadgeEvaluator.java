package io.scoreline.gamification.badges;

import static io.scoreline.pipeline.db.Tables.KPI_FACTS;
import static io.scoreline.pipeline.db.Tables.KPI_VALUES;

import io.scoreline.gamification.EvaluatorSettings;
import io.scoreline.gamification.KpiChangeConsumer;
import io.scoreline.gamification.ProfileChanges;
import io.scoreline.gamification.badges.BadgeRule.GoalReached;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.pipeline.tenancy.Organization;
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
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Awards badges (DESIGN §8) from one person's changed KPI cells: it reads the person's daily
 * {@code kpi_values} of the KPIs the affected badges need (one query; a badge on a derived KPI is
 * affected by a change to any of its inputs and judged by the KPI's value, ADR 0042), judges only
 * the periods the changes touch, and reconciles the judgements with stored awards. It reads state, never deltas, so
 * replaying changes, or evaluating them in any order, ends in the same awards.
 */
public final class BadgeEvaluator implements KpiChangeConsumer {

    /** People whose series and stored awards one statement reads: bounds a claim's memory to a few people's history. */
    static final int PEOPLE_PER_READ = 50;

    private final BadgeStore badges;
    private final AwardReconciler reconciler;
    private final EvaluatorSettings settings;
    private final KpiMeasureCache measures;

    public BadgeEvaluator(BadgeStore badges, NotificationStore notifications, EvaluatorSettings settings, Clock clock) {
        this(badges, notifications, settings, clock, new KpiMeasureCache());
    }

    public BadgeEvaluator(
            BadgeStore badges,
            NotificationStore notifications,
            EvaluatorSettings settings,
            Clock clock,
            KpiMeasureCache measures) {
        this.measures = measures;
        this.badges = badges;
        this.reconciler = new AwardReconciler(notifications, clock);
        this.settings = settings;
    }

    @Override
    public void apply(DSLContext tx, ProfileChanges changes) {
        forClaim(tx, changes.organization(), List.of(changes)).apply(tx, changes);
    }

    /**
     * The active badges are read once per claim, the compiled KPI catalog at most once; the daily
     * series and stored awards of up to {@value #PEOPLE_PER_READ} people of the claim at a time, in
     * one statement each (ADR 0052).
     */
    @Override
    public ClaimConsumer forClaim(DSLContext tx, Organization organization, List<ProfileChanges> people) {
        var claim =
                new Claim(organization, badges.active(tx, organization.id()), measures.memo(organization.id()), people);
        return claim::evaluate;
    }

    /** What one person's changes need judged: the badges they affect, with the KPIs and days to read. */
    private record Plan(
            Map<String, SortedSet<LocalDate>> touched,
            List<Badge> affected,
            Set<String> kpis,
            Map<String, KpiMeasure> used) {}

    /** What a read for several people brought back for one of them. */
    private record Prefetched(Plan plan, DailySeries series, Map<String, AwardReconciler.StoredAward> stored) {}

    /** The people of one claim, read {@value #PEOPLE_PER_READ} at a time as the drain reaches them. */
    private final class Claim {

        private final Organization organization;
        private final List<Badge> active;
        private final KpiMeasureCache.Memo catalog;
        private final List<ProfileChanges> people;
        private final Map<Long, Integer> position = new HashMap<>();
        private final Map<Long, Prefetched> prefetched = new HashMap<>();

        Claim(
                Organization organization,
                List<Badge> active,
                KpiMeasureCache.Memo catalog,
                List<ProfileChanges> people) {
            this.organization = organization;
            this.active = active;
            this.catalog = catalog;
            this.people = people;
            for (int i = 0; i < people.size(); i++) {
                position.put(people.get(i).profileId(), i);
            }
        }

        void evaluate(DSLContext tx, ProfileChanges changes) {
            var ready = prefetched.remove(changes.profileId());
            if (ready == null) {
                Integer at = position.get(changes.profileId());
                var group = at == null
                        ? List.of(changes)
                        : people.subList(at, Math.min(people.size(), at + PEOPLE_PER_READ));
                read(tx, group);
                ready = prefetched.remove(changes.profileId());
            }
            if (ready.plan() == null) {
                return;
            }
            judgeAndReconcile(tx, changes, ready, catalog);
        }

        /** Plans every person of the group, then reads their series and stored awards in one statement each. */
        private void read(DSLContext tx, List<ProfileChanges> group) {
            var plans = new LinkedHashMap<Long, Plan>();
            for (var changes : group) {
                plans.put(changes.profileId(), plan(tx, changes, active, catalog));
            }
            var planned = plans.entrySet().stream()
                    .filter(e -> e.getValue() != null)
                    .map(Map.Entry::getKey)
                    .toArray(Long[]::new);
            var kpis = new HashSet<String>();
            var badgeIds = new HashSet<Long>();
            var used = new HashMap<String, KpiMeasure>();
            plans.values().stream().filter(p -> p != null).forEach(p -> {
                kpis.addAll(p.kpis());
                p.affected().forEach(b -> badgeIds.add(b.id()));
                used.putAll(p.used());
            });
            var series = planned.length == 0
                    ? Map.<Long, DailySeries>of()
                    : series(tx, organization.id(), planned, kpis, used);
            var stored = planned.length == 0
                    ? Map.<Long, Map<String, AwardReconciler.StoredAward>>of()
                    : AwardReconciler.stored(tx, planned, badgeIds);
            plans.forEach((profileId, plan) -> prefetched.put(
                    profileId,
                    new Prefetched(
                            plan,
                            plan == null ? null : series.get(profileId),
                            plan == null ? null : stored.getOrDefault(profileId, Map.of()))));
        }
    }

    private static Plan plan(
            DSLContext tx, ProfileChanges changes, List<Badge> active, KpiMeasureCache.Memo claimCatalog) {
        var touched = new HashMap<String, SortedSet<LocalDate>>();
        changes.cells()
                .forEach(cell -> touched.computeIfAbsent(cell.kpiKey(), k -> new TreeSet<>())
                        .add(cell.date()));
        var affected = new ArrayList<Badge>();
        var kpis = new HashSet<String>();
        // The derived KPIs the affected badges name, read only when a badge names a key no cell
        // touched (a stored KPI's badge needs none of it).
        Map<String, KpiMeasure> derived = null;
        var used = new HashMap<String, KpiMeasure>();
        for (var badge : active) {
            var ruleKpis = badge.definition().rule().kpis();
            var named = new HashMap<String, KpiMeasure>();
            boolean hit = false;
            for (var kpi : ruleKpis) {
                if (touched.containsKey(kpi)) {
                    hit = true;
                    continue;
                }
                if (derived == null) {
                    derived = claimCatalog.of(tx).derived();
                }
                var measure = derived.get(kpi);
                if (measure != null) {
                    named.put(kpi, measure);
                    hit |= measure.inputs().stream().anyMatch(touched::containsKey);
                }
            }
            if (hit) {
                affected.add(badge);
                used.putAll(named);
                for (var kpi : ruleKpis) {
                    kpis.addAll(named.containsKey(kpi) ? named.get(kpi).inputs() : List.of(kpi));
                }
            }
        }
        if (affected.isEmpty()) {
            return null;
        }
        // A derived KPI changed on every day any of its inputs did.
        used.forEach((key, measure) -> {
            var days = new TreeSet<LocalDate>();
            measure.inputs().forEach(input -> days.addAll(touched.getOrDefault(input, new TreeSet<>())));
            touched.put(key, days);
        });
        return new Plan(touched, affected, kpis, used);
    }

    private void judgeAndReconcile(
            DSLContext tx, ProfileChanges changes, Prefetched ready, KpiMeasureCache.Memo claimCatalog) {
        var organization = changes.organization();
        var plan = ready.plan();
        var scope = new EvaluationScope(
                ready.series(),
                plan.touched(),
                new PeriodCalendar(organization.weekStart()),
                settings.workingDays(),
                settings.personalBestMinHistory());
        var judged = new LinkedHashMap<Badge, List<Judgement>>();
        Map<String, KpiMeasure> catalog = null;
        for (var badge : plan.affected()) {
            List<Judgement> judgements;
            if (badge.definition().rule() instanceof GoalReached goal) {
                // Goals are read per period from the database; the catalog once per claim.
                catalog = catalog == null ? claimCatalog.of(tx).all() : catalog;
                judgements = GoalJudge.judge(
                        tx, organization, changes.profileId(), goal, scope.touched(goal.kpi()), catalog);
            } else {
                judgements = RuleJudge.judge(badge.definition().rule(), scope);
            }
            if (!judgements.isEmpty()) {
                judged.put(badge, judgements);
            }
        }
        reconciler.reconcile(tx, organization.id(), changes.profileId(), judged, ready.stored(), changes.notifies());
    }

    /**
     * The people's daily cells of the stored KPIs (values and fact counts), one query; and the
     * distinct values of the KPIs a distinct count reads, one more query when there is one.
     * A person's series may hold KPIs only another person of the group needs: judges read only theirs.
     */
    private static Map<Long, DailySeries> series(
            DSLContext tx, long organizationId, Long[] profileIds, Set<String> kpis, Map<String, KpiMeasure> derived) {
        var keys = kpis.toArray(String[]::new);
        var byKpi = new HashMap<Long, Map<String, NavigableMap<LocalDate, BigDecimal>>>();
        var factsByKpi = new HashMap<Long, Map<String, NavigableMap<LocalDate, Long>>>();
        tx.select(
                        KPI_VALUES.PROFILE_ID,
                        KPI_VALUES.KPI_KEY,
                        KPI_VALUES.PERIOD_DATE,
                        KPI_VALUES.VALUE,
                        KPI_VALUES.FACT_COUNT)
                .from(KPI_VALUES)
                .where(KPI_VALUES.ORGANIZATION_ID.eq(organizationId))
                .and(KPI_VALUES.PROFILE_ID.eq(DSL.any(profileIds)))
                .and(KPI_VALUES.KPI_KEY.eq(DSL.any(keys)))
                .forEach(r -> {
                    byKpi.computeIfAbsent(r.value1(), p -> new HashMap<>())
                            .computeIfAbsent(r.value2(), k -> new TreeMap<>())
                            .put(r.value3(), r.value4());
                    factsByKpi
                            .computeIfAbsent(r.value1(), p -> new HashMap<>())
                            .computeIfAbsent(r.value2(), k -> new TreeMap<>())
                            .put(r.value3(), (long) r.value5());
                });
        var distinctKpis = derived.values().stream()
                .filter(m -> m.formula() instanceof KpiFormula.DistinctCount)
                .map(m -> ((KpiFormula.DistinctCount) m.formula()).kpi())
                .distinct()
                .toArray(String[]::new);
        var distinctByKpi = new HashMap<Long, Map<String, NavigableMap<LocalDate, Set<String>>>>();
        if (distinctKpis.length > 0) {
            tx.selectDistinct(KPI_FACTS.PROFILE_ID, KPI_FACTS.KPI_KEY, KPI_FACTS.LOCAL_DATE, KPI_FACTS.DISTINCT_VALUE)
                    .from(KPI_FACTS)
                    .where(KPI_FACTS.ORGANIZATION_ID.eq(organizationId))
                    .and(KPI_FACTS.KPI_KEY.eq(DSL.any(distinctKpis)))
                    .and(KPI_FACTS.PROFILE_ID.eq(DSL.any(profileIds)))
                    .and(KPI_FACTS.DISTINCT_VALUE.isNotNull())
                    .forEach(r -> distinctByKpi
                            .computeIfAbsent(r.value1(), p -> new HashMap<>())
                            .computeIfAbsent(r.value2(), k -> new TreeMap<>())
                            .computeIfAbsent(r.value3(), d -> new HashSet<>())
                            .add(r.value4()));
        }
        var series = new HashMap<Long, DailySeries>();
        for (var profileId : profileIds) {
            series.put(
                    profileId,
                    new DailySeries(
                            byKpi.getOrDefault(profileId, Map.of()),
                            factsByKpi.getOrDefault(profileId, Map.of()),
                            distinctByKpi.getOrDefault(profileId, Map.of()),
                            derived));
        }
        return series;
    }
}
