package io.scoreline.pipeline.facts;

import java.util.List;

/**
 * Stored records of one object that were read without fields the active rules read (ADR 0034).
 *
 * @param fields  the fields they lack, as the rules spell them
 * @param kpis    the KPIs whose rules read those fields
 * @param records how many live stored records lack at least one of them
 * @param cost    what reading them again costs by id and in bulk, and which way remap takes
 */
public record FieldGap(String objectType, List<String> fields, List<String> kpis, long records, RereadCost cost) {

    public FieldGap {
        fields = List.copyOf(fields);
        kpis = List.copyOf(kpis);
    }

    /** A gap read again by id only, at about {@code apiCalls} calls. */
    public FieldGap(String objectType, List<String> fields, List<String> kpis, long records, long apiCalls) {
        this(objectType, fields, kpis, records, RereadCost.byId(apiCalls));
    }

    /** About how many API calls reading them again costs, the way remap will read them. */
    public long apiCalls() {
        return cost.apiCalls();
    }
}
