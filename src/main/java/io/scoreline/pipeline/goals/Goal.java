package io.scoreline.pipeline.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored goal: {@code target} for {@code kpiKey} in every {@code unit} period from the one
 * starting {@code startsOn} through the one ending {@code endsOn} (open while empty).
 */
public record Goal(
        long id,
        String kpiKey,
        GoalPeriodUnit unit,
        GoalSubject subject,
        BigDecimal target,
        LocalDate startsOn,
        Optional<LocalDate> endsOn) {

    public Goal {
        Objects.requireNonNull(kpiKey, "kpiKey");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(endsOn, "endsOn");
    }

    /** True if the goal applies to {@code period} (its unit, and the period lies in its run). */
    public boolean appliesTo(GoalPeriod period) {
        return period.unit() == unit
                && !startsOn.isAfter(period.from())
                && endsOn.map(end -> !end.isBefore(period.to())).orElse(true);
    }
}
