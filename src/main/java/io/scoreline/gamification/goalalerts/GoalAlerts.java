package io.scoreline.gamification.goalalerts;

import static io.scoreline.pipeline.db.Tables.GOALS;
import static io.scoreline.pipeline.db.Tables.NOTIFICATIONS;

import io.scoreline.gamification.EvaluatorSettings;
import io.scoreline.gamification.KpiChangeConsumer;
import io.scoreline.gamification.KpiDay;
import io.scoreline.gamification.ProfileChanges;
import io.scoreline.gamification.badges.BadgeRuleJson;
import io.scoreline.gamification.goals.GoalPace;
import io.scoreline.gamification.notifications.NotificationKind;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.goals.GoalPeriod;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.goals.GoalTargets;
import io.scoreline.pipeline.goals.ResolvedGoal;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.pipeline.kpi.measure.KpiMeasureReader;
import io.scoreline.pipeline.tenancy.Organization;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * Tells a person when a change takes them to their goal, and when it leaves them behind pace in the
 * current period. Both are judged from the stored values over the whole goal period (never from the
 * change's delta) against the goal {@link GoalTargets} resolves for that period, and each is sent at
 * most once per person, KPI and period: the dedupe key names the period, so a correction that takes
 * someone under the goal and over it again does not notify twice. Behind-pace notifications are also
 * coalesced: at most one per person within the coalescing window. Changes of a backfill (run without
 * {@code --notify}) never notify.
 */
public final class GoalAlerts implements KpiChangeConsumer {

    private final NotificationStore notifications;
    private final EvaluatorSettings evaluator;
    private final GoalAlertSettings settings;
    private final Clock clock;
    private final KpiMeasureCache measures;

    public GoalAlerts(
            NotificationStore notifications, EvaluatorSettings evaluator, GoalAlertSettings settings, Clock clock) {
        this(notifications, evaluator, settings, clock, new KpiMeasureCache());
    }

    public GoalAlerts(
            NotificationStore notifications,
            EvaluatorSettings evaluator,
            GoalAlertSettings settings,
            Clock clock,
            KpiMeasureCache measures) {
        this.measures = measures;
        this.notifications = notifications;
        this.evaluator = evaluator;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void apply(DSLContext tx, ProfileChanges changes) {
        forClaim(tx, changes.organization(), List.of(changes)).apply(tx, changes);
    }

    /**
     * Which KPIs have goals is read once per claim, the compiled catalog once when a person of the
     * claim has changes that notify (ADR 0052); an organization without goals costs one query per claim.
     */
    @Override
    public ClaimConsumer forClaim(DSLContext tx, Organization organization, List<ProfileChanges> people) {
        var goals = goalUnits(tx, organization.id());
        if (goals.isEmpty()) {
            return (savepoint, changes) -> {};
        }
        var catalog = measures.memo(organization.id());
        return (savepoint, changes) -> {
            if (changes.notifies()) {
                evaluate(savepoint, changes, goals, catalog.of(savepoint).all());
            }
        };
    }

    private void evaluate(
            DSLContext tx,
            ProfileChanges changes,
            Map<String, Set<GoalPeriodUnit>> goals,
            Map<String, KpiMeasure> catalog) {
        var organization = changes.organization();
        var today = LocalDate.ofInstant(clock.instant(), organization.timezone());
        for (var entry : goals.entrySet()) {
            var measure = catalog.get(entry.getKey());
            if (measure == null) {
                continue;
            }
            // A goal on a derived KPI is judged when any of its inputs changed.
            var keys = new TreeSet<>(measure.inputs());
            keys.add(measure.key());
            var days = new TreeSet<LocalDate>();
            changes.cells().stream()
                    .filter(c -> keys.contains(c.kpiKey()))
                    .map(KpiDay::date)
                    .forEach(days::add);
            if (days.isEmpty()) {
                continue;
            }
            for (var unit : entry.getValue()) {
                var periods = new TreeMap<LocalDate, GoalPeriod>();
                days.forEach(d -> {
                    var period = GoalPeriod.containing(unit, organization.weekStart(), d);
                    periods.putIfAbsent(period.from(), period);
                });
                for (var period : periods.values()) {
                    var goal = GoalTargets.target(tx, organization.id(), changes.profileId(), measure.key(), period);
                    if (goal.isEmpty()) {
                        continue;
                    }
                    var value = KpiMeasureReader.value(
                            tx, organization.id(), measure, List.of(changes.profileId()), period.from(), period.to());
                    if (value instanceof MeasuredValue.Defined(var v)) {
                        judge(tx, organization, changes.profileId(), goal.get(), v, today);
                    }
                }
            }
        }
    }

    private void judge(
            DSLContext tx,
            Organization organization,
            long profileId,
            ResolvedGoal goal,
            BigDecimal value,
            LocalDate today) {
        var period = goal.period();
        var payload = payload(goal, value);
        if (value.compareTo(goal.target()) >= 0) {
            notifications.create(
                    tx,
                    organization.id(),
                    profileId,
                    NotificationKind.GOAL_REACHED,
                    dedupeKey(organization, profileId, goal, "reached"),
                    BadgeRuleJson.write(payload));
            return;
        }
        // Pace only means something in the period that is running.
        if (!period.contains(today)) {
            return;
        }
        // The same pace `goal progress` shows.
        var pace = GoalPace.of(period, today, evaluator.workingDays(), goal.target());
        if (!behind(pace, value) || recentlyTold(tx, organization, profileId)) {
            return;
        }
        payload.put("expected", plain(pace.expected()));
        payload.put("working_days_elapsed", pace.elapsedWorkingDays());
        payload.put("working_days", pace.workingDays());
        notifications.create(
                tx,
                organization.id(),
                profileId,
                NotificationKind.GOAL_BEHIND_PACE,
                dedupeKey(organization, profileId, goal, "behind_pace"),
                BadgeRuleJson.write(payload));
    }

    /** Behind by more than the share: below expected × (1 − share); nobody is behind before a working day is over. */
    private boolean behind(GoalPace pace, BigDecimal value) {
        if (pace.expected().signum() <= 0) {
            return false;
        }
        var line = pace.expected().multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(settings.behindPaceShare())));
        return value.compareTo(line) < 0;
    }

    /** Whether the person heard they are behind pace (on any goal) within the coalescing window. */
    private boolean recentlyTold(DSLContext tx, Organization organization, long profileId) {
        var since = clock.instant().minus(settings.coalesce()).atOffset(ZoneOffset.UTC);
        return tx.fetchExists(tx.selectOne()
                .from(NOTIFICATIONS)
                .where(NOTIFICATIONS.ORGANIZATION_ID.eq(organization.id()))
                .and(NOTIFICATIONS.PROFILE_ID.eq(profileId))
                .and(NOTIFICATIONS.KIND.eq(NotificationKind.GOAL_BEHIND_PACE.key()))
                .and(NOTIFICATIONS.CREATED_AT.gt(since)));
    }

    /** {@code goal:<org>:<profile>:<kpi>:<period key>:<what>}: once per person, KPI and period. */
    static String dedupeKey(Organization organization, long profileId, ResolvedGoal goal, String what) {
        return "goal:" + organization.id() + ":" + profileId + ":" + goal.kpiKey() + ":"
                + goal.period().key() + ":" + what;
    }

    private static Map<String, Object> payload(ResolvedGoal goal, BigDecimal value) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("kpi", goal.kpiKey());
        payload.put("period", goal.period().key());
        payload.put("from", goal.period().from().toString());
        payload.put("to", goal.period().to().toString());
        payload.put("target", plain(goal.target()));
        payload.put("value", plain(value));
        payload.put(
                "percent",
                plain(value.multiply(BigDecimal.valueOf(100)).divide(goal.target(), 1, RoundingMode.HALF_UP)));
        return payload;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** The KPIs the organization has goals for, with their period units: one small query. */
    private static Map<String, Set<GoalPeriodUnit>> goalUnits(DSLContext tx, long organizationId) {
        var units = new TreeMap<String, Set<GoalPeriodUnit>>();
        tx.selectDistinct(GOALS.KPI_KEY, GOALS.PERIOD_UNIT)
                .from(GOALS)
                .where(GOALS.ORGANIZATION_ID.eq(organizationId))
                .forEach(r -> units.computeIfAbsent(r.value1(), k -> new TreeSet<>())
                        .add(GoalPeriodUnit.fromKey(r.value2())));
        return units;
    }
}
