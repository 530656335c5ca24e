package io.scoreline.gamification;

import java.time.LocalDate;
import java.util.Objects;

/** One daily KPI cell of one profile that the outbox says changed. */
public record KpiCell(String kpiKey, LocalDate date) {

    public KpiCell {
        Objects.requireNonNull(kpiKey, "kpiKey");
        Objects.requireNonNull(date, "date");
    }
}
