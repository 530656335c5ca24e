package io.scoreline.mappings.check;

import io.scoreline.mappings.ast.KpiDefinition;
import io.scoreline.mappings.measures.KpiMeasure;
import java.util.List;

/**
 * What a rule document defines once checked: its rules and its derived KPIs, both in document order.
 *
 * @param rules   the {@code kpis:} rules that checked clean
 * @param derived the {@code derived:} KPIs that checked clean (ADR 0042)
 */
public record CheckedDocument(List<KpiDefinition> rules, List<KpiMeasure> derived) {

    public CheckedDocument {
        rules = List.copyOf(rules);
        derived = List.copyOf(derived);
    }
}
