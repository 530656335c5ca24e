package io.scoreline.mappings.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * One checked KPI rule, with the owner and date defaults already resolved.
 *
 * @param key        the KPI key ({@code call_connects})
 * @param objectType the object type as the catalog spells it
 * @param when       the condition; empty when every record of the object counts
 * @param value      the numeric value; empty for a count (1 per record)
 * @param owner      the field holding the CRM user id the fact belongs to
 * @param date       the date or datetime field that dates the fact
 * @param kind       additive (summed per day) or snapshot (ADR 0042)
 * @param distinct   the field whose distinct values a {@code distinct} derived KPI counts; empty when none
 * @param line       the document line of the KPI key
 */
public record KpiDefinition(
        String key,
        String objectType,
        Optional<Condition> when,
        Optional<Operand> value,
        Operand.FieldRef owner,
        Operand.FieldRef date,
        KpiKind kind,
        Optional<Operand.FieldRef> distinct,
        int line) {

    public KpiDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(distinct, "distinct");
    }
}
