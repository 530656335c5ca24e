package io.scoreline.gamification.badges;

import io.scoreline.gamification.badges.BadgeRule.Combo;
import io.scoreline.gamification.badges.BadgeRule.First;
import io.scoreline.gamification.badges.BadgeRule.GoalReached;
import io.scoreline.gamification.badges.BadgeRule.PersonalBest;
import io.scoreline.gamification.badges.BadgeRule.Placement;
import io.scoreline.gamification.badges.BadgeRule.Streak;
import io.scoreline.gamification.badges.BadgeRule.Threshold;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a rule over only the periods the changed cells touch (DESIGN §4.4): the period of each
 * changed day for thresholds and combos; for personal bests, the touched period and every later one
 * (an earlier correction can make or unmake a later record); streaks in {@link StreakJudge}.
 */
final class RuleJudge {

    private RuleJudge() {}

    static List<Judgement> judge(BadgeRule rule, EvaluationScope scope) {
        return switch (rule) {
            case Threshold t -> threshold(t, scope);
            case First f -> first(f, scope);
            case Combo c -> combo(c, scope);
            case PersonalBest p -> personalBest(p, scope);
            case Streak s -> StreakJudge.judge(s, scope);
            case Placement p -> List.of();
            // Needs each period's goal from the database: GoalJudge, called by the evaluator.
            case GoalReached g -> List.of();
        };
    }

    private static List<Judgement> threshold(Threshold rule, EvaluationScope scope) {
        var periods = new LinkedHashMap<String, Period>();
        scope.touched(rule.kpi()).forEach(d -> {
            var period = scope.calendar().periodOf(rule.period(), d);
            periods.putIfAbsent(period.key(), period);
        });
        var judgements = new ArrayList<Judgement>();
        for (var period : periods.values()) {
            var value = scope.series().sum(rule.kpi(), period.from(), period.to());
            judgements.add(new Judgement(
                    period.key(),
                    value.compareTo(rule.atLeast()) >= 0,
                    value,
                    rule.atLeast(),
                    period.from(),
                    period.to(),
                    Set.of(rule.kpi())));
        }
        return judgements;
    }

    private static List<Judgement> first(First rule, EvaluationScope scope) {
        if (scope.touched(rule.kpi()).isEmpty()) {
            return List.of();
        }
        var firstDay = scope.series().firstDay(rule.kpi());
        var day = firstDay.orElse(scope.touched(rule.kpi()).first());
        var value = scope.series().sum(rule.kpi(), day, day);
        return List.of(
                new Judgement("all", firstDay.isPresent(), value, BigDecimal.ZERO, day, day, Set.of(rule.kpi())));
    }

    private static List<Judgement> combo(Combo rule, EvaluationScope scope) {
        var periods = new LinkedHashMap<String, Period>();
        for (var part : rule.parts()) {
            scope.touched(part.kpi()).forEach(d -> {
                var period = scope.calendar().periodOf(rule.period(), d);
                periods.putIfAbsent(period.key(), period);
            });
        }
        var judgements = new ArrayList<Judgement>();
        for (var period : periods.values()) {
            var values = new LinkedHashMap<String, BigDecimal>();
            var thresholds = new LinkedHashMap<String, BigDecimal>();
            boolean all = true;
            for (var part : rule.parts()) {
                var value = scope.series().sum(part.kpi(), period.from(), period.to());
                values.put(part.kpi(), value);
                thresholds.put(part.kpi(), part.atLeast());
                all &= value.compareTo(part.atLeast()) >= 0;
            }
            judgements.add(
                    new Judgement(period.key(), all, values, thresholds, period.from(), period.to(), rule.kpis()));
        }
        return judgements;
    }

    private static List<Judgement> personalBest(PersonalBest rule, EvaluationScope scope) {
        var touched = scope.touched(rule.kpi());
        var firstDay = scope.series().firstDay(rule.kpi());
        if (touched.isEmpty()) {
            return List.of();
        }
        var calendar = scope.calendar();
        int minHistory = rule.minHistory().orElse(scope.personalBestMinHistory());
        var last = scope.series()
                .lastDay(rule.kpi())
                .filter(d -> d.isAfter(touched.last()))
                .orElse(touched.last());
        var judgeFrom = calendar.periodOf(rule.period(), touched.first());
        var judgements = new ArrayList<Judgement>();
        if (firstDay.isEmpty()) {
            // Nothing left at all: every touched-or-later period is judged, so earlier records get reconciled.
            for (var p = judgeFrom; !p.from().isAfter(last); p = calendar.next(p)) {
                judgements.add(new Judgement(
                        p.key(), false, BigDecimal.ZERO, BigDecimal.ZERO, p.from(), p.to(), Set.of(rule.kpi())));
            }
            return judgements;
        }
        var best = BigDecimal.ZERO;
        int history = 0;
        var start = calendar.periodOf(rule.period(), firstDay.get());
        var from = start.from().isBefore(judgeFrom.from()) ? start : judgeFrom;
        for (var p = from; !p.from().isAfter(last); p = calendar.next(p)) {
            var value = scope.series().sum(rule.kpi(), p.from(), p.to());
            boolean record = value.signum() > 0 && history >= minHistory && value.compareTo(best) > 0;
            if (!p.from().isBefore(judgeFrom.from())) {
                judgements.add(new Judgement(p.key(), record, value, best, p.from(), p.to(), Set.of(rule.kpi())));
            }
            best = best.max(value);
            if (!p.from().isBefore(start.from())) {
                history++;
            }
        }
        return judgements;
    }

    /** Evidence of a threshold-like judgement: the rule's numbers as JSON-friendly values. */
    static Map<String, Object> window(Judgement judgement) {
        var window = new LinkedHashMap<String, Object>();
        window.put("from", judgement.from().toString());
        window.put("to", judgement.to().toString());
        return window;
    }
}
