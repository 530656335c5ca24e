package io.scoreline.gamification.goals;

import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.goals.GoalSubjectRef;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Whose progress, on which KPI, in which period: the {@code unit} period holding {@code date}
 * (empty: today in the organization's time zone). The subject is a person or a team.
 */
public record ProgressQuery(GoalSubjectRef subject, String kpiKey, GoalPeriodUnit unit, Optional<LocalDate> date) {
    public ProgressQuery {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kpiKey, "kpiKey");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(date, "date");
    }
}
