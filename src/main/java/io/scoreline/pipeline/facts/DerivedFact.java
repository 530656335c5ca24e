package io.scoreline.pipeline.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the active rules say one record contributes to one KPI. The value is held at the
 * stored scale (6 decimals), so that deriving the same record twice compares equal to what is
 * already in {@code kpi_facts} and a replay changes nothing.
 */
public record DerivedFact(String kpiKey, String crmUserId, LocalDate localDate, Instant occurredAt, BigDecimal value) {

    public static final int SCALE = 6;

    public DerivedFact {
        Objects.requireNonNull(kpiKey, "kpiKey");
        Objects.requireNonNull(localDate, "localDate");
        value = value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
