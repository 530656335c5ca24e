package io.scoreline.gamification.badges;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.SortedSet;

/**
 * What a judge works with: the person's series, the dates each KPI changed on, the organization's
 * calendar, the working days of day streaks and the default history a personal best needs.
 */
public record EvaluationScope(
        DailySeries series,
        java.util.Map<String, SortedSet<LocalDate>> touched,
        PeriodCalendar calendar,
        Set<DayOfWeek> workingDays,
        int personalBestMinHistory) {

    public SortedSet<LocalDate> touched(String kpi) {
        return touched.getOrDefault(kpi, new java.util.TreeSet<>());
    }
}
