package io.scoreline.gamification.badges;

import io.scoreline.mappings.measures.KpiMeasure;
import java.util.Map;
import org.jooq.DSLContext;

/** Where the badge evaluator learns an organization's derived KPIs (ADR 0042), by key. */
@FunctionalInterface
public interface DerivedKpiSource {

    Map<String, KpiMeasure> of(DSLContext tx, long organizationId);

    /** The derived KPIs of the organization's active rule sets, compiled once per version of them. */
    static DerivedKpiSource activeRuleSets() {
        return new DerivedKpis();
    }
}
