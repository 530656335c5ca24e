package io.scoreline.gamification.goals;

import java.time.DayOfWeek;
import java.util.Set;

/** The weekdays pace counts, from the evaluator's settings ({@code evaluator.working-days}). */
public record WorkingDays(Set<DayOfWeek> days) {
    public WorkingDays {
        days = Set.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("no working days");
        }
    }
}
