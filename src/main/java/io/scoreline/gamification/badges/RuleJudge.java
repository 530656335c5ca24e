package io.scoreline.gamification.badges;

import io.scoreline.gamification.badges.BadgeRule.Combo;
import io.scoreline.gamification.badges.BadgeRule.First;
import io.scoreline.gamification.badges.BadgeRule.PersonalBest;
import io.scoreline.gamification.badges.BadgeRule.Placement;
import io.scoreline.gamification.badges.BadgeRule.Streak;
import io.scoreline.gamification.badges.BadgeRule.Threshold;
import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            var value = scope.series().value(rule.kpi(), period.from(), period.to());
            judgements.add(new Judgement(
                    period.key(),
                    reaches(value, rule.atLeast()),
                    shown(value),
                    rule.atLeast(),
                    period.from(),
                    period.to(),
                    scope.series().sources(rule.kpi())));
        }
        return judgements;
    }

    private static List<Judgement> first(First rule, EvaluationScope scope) {
        if (scope.touched(rule.kpi()).isEmpty()) {
            return List.of();
        }
        var firstDay = scope.series().firstDay(rule.kpi());
        var day = firstDay.orElse(scope.touched(rule.kpi()).first());
        var value = scope.series().value(rule.kpi(), day, day);
        return List.of(new Judgement(
                "all",
                firstDay.isPresent(),
                shown(value),
                BigDecimal.ZERO,
                day,
                day,
                scope.series().sources(rule.kpi())));
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
            var values = new LinkedHashMap<String, Object>();
            var thresholds = new LinkedHashMap<String, BigDecimal>();
            boolean all = true;
            for (var part : rule.parts()) {
                var value = scope.series().value(part.kpi(), period.from(), period.to());
                values.put(part.kpi(), shown(value));
                thresholds.put(part.kpi(), part.atLeast());
                all &= reaches(value, part.atLeast());
            }
            judgements.add(new Judgement(
                    period.key(),
                    all,
                    values,
                    thresholds,
                    period.from(),
                    period.to(),
                    scope.series().sources(rule.kpis())));
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
                        p.key(),
                        false,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        p.from(),
                        p.to(),
                        scope.series().sources(rule.kpi())));
            }
            return judgements;
        }
        var best = BigDecimal.ZERO;
        int history = 0;
        var start = calendar.periodOf(rule.period(), firstDay.get());
        var from = start.from().isBefore(judgeFrom.from()) ? start : judgeFrom;
        for (var p = from; !p.from().isAfter(last); p = calendar.next(p)) {
            var measured = scope.series().value(rule.kpi(), p.from(), p.to());
            // An undefined period (a ratio below its minimum) is no record and sets none.
            var value = measured instanceof MeasuredValue.Defined d ? d.value() : null;
            boolean record = value != null && value.signum() > 0 && history >= minHistory && value.compareTo(best) > 0;
            if (!p.from().isBefore(judgeFrom.from())) {
                judgements.add(new Judgement(
                        p.key(),
                        record,
                        shown(measured),
                        best,
                        p.from(),
                        p.to(),
                        scope.series().sources(rule.kpi())));
            }
            if (value != null) {
                best = best.max(value);
            }
            if (!p.from().isBefore(start.from())) {
                history++;
            }
        }
        return judgements;
    }

    /** Whether a value reaches a threshold: an undefined one never does (ADR 0042). */
    static boolean reaches(MeasuredValue value, BigDecimal atLeast) {
        return value instanceof MeasuredValue.Defined d && d.value().compareTo(atLeast) >= 0;
    }

    /** A judged value as evidence shows it: the number, or why there is none. */
    static Object shown(MeasuredValue value) {
        return switch (value) {
            case MeasuredValue.Defined d -> d.value();
            case MeasuredValue.Undefined u -> u.reason();
        };
    }

    /** Evidence of a threshold-like judgement: the rule's numbers as JSON-friendly values. */
    static Map<String, Object> window(Judgement judgement) {
        var window = new LinkedHashMap<String, Object>();
        window.put("from", judgement.from().toString());
        window.put("to", judgement.to().toString());
        return window;
    }
}
