package io.scoreline.gamification.badges;

import io.scoreline.gamification.badges.BadgeRule.GoalReached;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.goals.GoalPeriod;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.goals.GoalTargets;
import io.scoreline.pipeline.kpi.measure.KpiMeasureReader;
import io.scoreline.pipeline.tenancy.Organization;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.jooq.DSLContext;

/**
 * Judges {@code goal_reached} for the goal periods the changed days fall in: reached when the
 * person has a goal for the KPI in that period and the value over the period (read like every other
 * reading of a KPI, ADR 0042) is at least its target. No goal, or an undefined value, is not reached,
 * so an award of such a period follows its badge's retraction policy.
 */
final class GoalJudge {

    private GoalJudge() {}

    static List<Judgement> judge(
            DSLContext tx,
            Organization organization,
            long profileId,
            GoalReached rule,
            SortedSet<LocalDate> touched,
            Map<String, KpiMeasure> catalog) {
        var unit = GoalPeriodUnit.fromKey(rule.period().key());
        var periods = new LinkedHashMap<String, GoalPeriod>();
        touched.forEach(d -> {
            var period = GoalPeriod.containing(unit, organization.weekStart(), d);
            periods.putIfAbsent(period.key(), period);
        });
        var measure = catalog.get(rule.kpi());
        var judgements = new ArrayList<Judgement>();
        for (var period : periods.values()) {
            var goal = GoalTargets.target(tx, organization.id(), profileId, rule.kpi(), period);
            MeasuredValue value = measure == null
                    ? new MeasuredValue.Undefined("no KPI '" + rule.kpi() + "'")
                    : KpiMeasureReader.value(
                            tx, organization.id(), measure, List.of(profileId), period.from(), period.to());
            boolean reached = goal.isPresent()
                    && value instanceof MeasuredValue.Defined(var v)
                    && v.compareTo(goal.get().target()) >= 0;
            judgements.add(new Judgement(
                    period.key(),
                    reached,
                    switch (value) {
                        case MeasuredValue.Defined(var v) -> v;
                        case MeasuredValue.Undefined(var reason) -> "undefined: " + reason;
                    },
                    goal.<Object>map(g -> g.target()).orElse("no goal"),
                    period.from(),
                    period.to(),
                    Set.of(rule.kpi())));
        }
        return judgements;
    }
}
