package io.scoreline.pipeline.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code kpi_facts}: the fact one record gave one KPI, and whom it was credited to. */
public record StoredFact(
        String recordId,
        String kpiKey,
        Long profileId,
        String crmUserId,
        LocalDate localDate,
        Instant occurredAt,
        BigDecimal value,
        String distinctValue) {

    /** Whether this fact says the same as {@code other} would (the rule set version aside). */
    boolean sameAs(StoredFact other) {
        return java.util.Objects.equals(profileId, other.profileId)
                && java.util.Objects.equals(crmUserId, other.crmUserId)
                && localDate.equals(other.localDate)
                && java.util.Objects.equals(occurredAt, other.occurredAt)
                && value.compareTo(other.value) == 0
                && java.util.Objects.equals(distinctValue, other.distinctValue);
    }

    /** Whether this fact gives the same distinct value to the same cell (person and day) as {@code other}. */
    boolean sameDistinctCellAs(StoredFact other) {
        return java.util.Objects.equals(profileId, other.profileId)
                && localDate.equals(other.localDate)
                && java.util.Objects.equals(distinctValue, other.distinctValue);
    }
}
