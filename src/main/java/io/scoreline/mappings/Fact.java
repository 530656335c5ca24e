package io.scoreline.mappings;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one KPI rule derived from one record.
 *
 * @param kpi        the KPI key
 * @param objectType the record's object type, as the catalog spells it
 * @param recordId   the CRM record id
 * @param owner      the CRM user id from the owner field; {@code null} when the record has none
 * @param date       the local date in the organization's timezone (a date-only field as is)
 * @param occurredAt the instant, or {@code null} when the date field is date-only
 * @param value      the fact's value (1 for a count)
 * @param distinctValue the value of the rule's {@code distinct:} field, counted by distinct-count
 *     KPIs (ADR 0042); {@code null} when the rule has none or the record's field is empty
 */
public record Fact(
        String kpi,
        String objectType,
        String recordId,
        String owner,
        LocalDate date,
        Instant occurredAt,
        BigDecimal value,
        String distinctValue) {

    public Fact {
        Objects.requireNonNull(kpi, "kpi");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(value, "value");
    }

    /** A fact of a rule without a {@code distinct:} field. */
    public Fact(
            String kpi,
            String objectType,
            String recordId,
            String owner,
            LocalDate date,
            Instant occurredAt,
            BigDecimal value) {
        this(kpi, objectType, recordId, owner, date, occurredAt, value, null);
    }
}
