package io.scoreline.gamification.badges;

import io.scoreline.gamification.badges.BadgeRule.Streak;
import io.scoreline.gamification.badges.BadgeRule.StreakUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Streaks from daily values: a bucket (a working day, or a week in the organization's calendar)
 * qualifies when its value reaches the rule's {@code at_least}; a run is a maximal sequence of
 * consecutive qualifying buckets, where non-working days neither count nor break a day streak. A run
 * of at least {@code length} buckets earns the badge under the key {@code streak:<unit>:<first day>}.
 * Only the runs next to a changed day are judged: a late day can join two runs (mending a streak)
 * and a retracted one can split a run.
 */
final class StreakJudge {

    private StreakJudge() {}

    static List<Judgement> judge(Streak rule, EvaluationScope scope) {
        var touched = new TreeSet<LocalDate>();
        for (var day : scope.touched(rule.kpi())) {
            if (rule.unit() == StreakUnit.WEEK || scope.workingDays().contains(day.getDayOfWeek())) {
                touched.add(bucketOf(rule, scope, day));
            }
        }
        if (touched.isEmpty()) {
            return List.of();
        }
        var qualifying = new TreeSet<LocalDate>();
        for (var bucket : buckets(rule, scope)) {
            var to = rule.unit() == StreakUnit.WEEK ? bucket.plusDays(6) : bucket;
            if (RuleJudge.reaches(scope.series().value(rule.kpi(), bucket, to), rule.atLeast())) {
                qualifying.add(bucket);
            }
        }
        var judgements = new ArrayList<Judgement>();
        var judged = new TreeSet<LocalDate>();
        for (var bucket : touched) {
            // The range a change at `bucket` can affect: the run just before it through the run just after it.
            var from = runStart(rule, scope, qualifying, previous(rule, scope, bucket))
                    .orElse(bucket);
            var to = runEnd(rule, scope, qualifying, next(rule, scope, bucket)).orElse(bucket);
            for (var b = from; !b.isAfter(to); b = next(rule, scope, b)) {
                if (!judged.add(b)) {
                    continue;
                }
                boolean runStartsHere = qualifying.contains(b) && !qualifying.contains(previous(rule, scope, b));
                var end = runStartsHere ? runEnd(rule, scope, qualifying, b).orElse(b) : b;
                int length = runStartsHere ? count(rule, scope, b, end) : 0;
                var window = rule.unit() == StreakUnit.WEEK ? end.plusDays(6) : end;
                judgements.add(new Judgement(
                        key(rule, b),
                        runStartsHere && length >= rule.length(),
                        BigDecimal.valueOf(length),
                        BigDecimal.valueOf(rule.length()),
                        b,
                        window,
                        scope.series().sources(rule.kpi())));
            }
        }
        return judgements;
    }

    static String key(Streak rule, LocalDate bucket) {
        return "streak:" + (rule.unit() == StreakUnit.WEEK ? "week:" : "day:") + bucket;
    }

    /**
     * The buckets with any stored cell (of the KPI, or of a derived KPI's inputs): a day streak's
     * working days, or a week streak's weeks, each judged by the KPI's value over the bucket.
     */
    private static TreeSet<LocalDate> buckets(Streak rule, EvaluationScope scope) {
        var buckets = new TreeSet<LocalDate>();
        for (var day : scope.series().dataDays(rule.kpi())) {
            if (rule.unit() == StreakUnit.WEEK || scope.workingDays().contains(day.getDayOfWeek())) {
                buckets.add(bucketOf(rule, scope, day));
            }
        }
        return buckets;
    }

    private static LocalDate bucketOf(Streak rule, EvaluationScope scope, LocalDate day) {
        return rule.unit() == StreakUnit.WEEK
                ? scope.calendar().periodOf(PeriodUnit.WEEK, day).from()
                : day;
    }

    private static java.util.Optional<LocalDate> runStart(
            Streak rule, EvaluationScope scope, TreeSet<LocalDate> qualifying, LocalDate bucket) {
        if (!qualifying.contains(bucket)) {
            return java.util.Optional.empty();
        }
        var start = bucket;
        while (qualifying.contains(previous(rule, scope, start))) {
            start = previous(rule, scope, start);
        }
        return java.util.Optional.of(start);
    }

    private static java.util.Optional<LocalDate> runEnd(
            Streak rule, EvaluationScope scope, TreeSet<LocalDate> qualifying, LocalDate bucket) {
        if (!qualifying.contains(bucket)) {
            return java.util.Optional.empty();
        }
        var end = bucket;
        while (qualifying.contains(next(rule, scope, end))) {
            end = next(rule, scope, end);
        }
        return java.util.Optional.of(end);
    }

    private static int count(Streak rule, EvaluationScope scope, LocalDate from, LocalDate to) {
        int n = 0;
        for (var b = from; !b.isAfter(to); b = next(rule, scope, b)) {
            n++;
        }
        return n;
    }

    private static LocalDate next(Streak rule, EvaluationScope scope, LocalDate bucket) {
        if (rule.unit() == StreakUnit.WEEK) {
            return bucket.plusWeeks(1);
        }
        var day = bucket.plusDays(1);
        while (!scope.workingDays().contains(day.getDayOfWeek())) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static LocalDate previous(Streak rule, EvaluationScope scope, LocalDate bucket) {
        if (rule.unit() == StreakUnit.WEEK) {
            return bucket.minusWeeks(1);
        }
        var day = bucket.minusDays(1);
        while (!scope.workingDays().contains(day.getDayOfWeek())) {
            day = day.minusDays(1);
        }
        return day;
    }
}
