package io.scoreline.pipeline.facts;

import java.util.List;

/**
 * Stored records of one object that were read without fields the active rules read (ADR 0034).
 *
 * @param fields   the fields they lack, as the rules spell them
 * @param kpis     the KPIs whose rules read those fields
 * @param records  how many live stored records lack at least one of them
 * @param apiCalls about how many API calls reading them again by id costs
 */
public record FieldGap(String objectType, List<String> fields, List<String> kpis, long records, long apiCalls) {

    public FieldGap {
        fields = List.copyOf(fields);
        kpis = List.copyOf(kpis);
    }
}
