package io.scoreline.pipeline.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the active rules say one record contributes to one KPI. The value is held at the
 * stored scale (6 decimals), so that deriving the same record twice compares equal to what is
 * already in {@code kpi_facts} and a replay changes nothing. {@code distinctValue} is the value of
 * the rule's {@code distinct:} field, {@code null} when it has none (ADR 0042).
 */
public record DerivedFact(
        String kpiKey,
        String crmUserId,
        LocalDate localDate,
        Instant occurredAt,
        BigDecimal value,
        String distinctValue) {

    public static final int SCALE = 6;

    public DerivedFact {
        Objects.requireNonNull(kpiKey, "kpiKey");
        Objects.requireNonNull(localDate, "localDate");
        value = value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** A fact without a distinct value. */
    public DerivedFact(String kpiKey, String crmUserId, LocalDate localDate, Instant occurredAt, BigDecimal value) {
        this(kpiKey, crmUserId, localDate, occurredAt, value, null);
    }
}
