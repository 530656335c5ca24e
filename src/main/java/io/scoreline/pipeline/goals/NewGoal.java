package io.scoreline.pipeline.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A goal to set: {@code target} for {@code kpiKey} per {@code unit} period, from the period that
 * holds {@code from} on (empty: the current period).
 */
public record NewGoal(
        String kpiKey, GoalPeriodUnit unit, GoalSubjectRef subject, BigDecimal target, Optional<LocalDate> from) {

    public NewGoal {
        Objects.requireNonNull(kpiKey, "kpiKey");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(from, "from");
    }
}
