package io.scoreline.gamification;

import java.time.LocalDate;
import java.util.Objects;

/** One daily KPI cell of one profile that the outbox says changed. */
public record KpiDay(String kpiKey, LocalDate date) {

    public KpiDay {
        Objects.requireNonNull(kpiKey, "kpiKey");
        Objects.requireNonNull(date, "date");
    }
}
