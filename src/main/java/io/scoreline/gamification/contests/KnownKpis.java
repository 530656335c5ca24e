package io.scoreline.gamification.contests;

import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCatalog;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.DSLContext;

/**
 * The KPI keys an organization can run a contest on ({@link KpiMeasureCatalog}). A contest on any
 * other key would stay at zero forever, which is almost always a typo.
 */
final class KnownKpis {

    private KnownKpis() {}

    static Set<String> of(DSLContext tx, long organizationId) {
        return new TreeSet<>(KpiMeasureCatalog.of(tx, organizationId).keySet());
    }

    /** The same keys with what each means (stored, snapshot, derived) and its unit, by key. */
    static Map<String, KpiMeasure> measures(DSLContext tx, long organizationId) {
        return new TreeMap<>(KpiMeasureCatalog.of(tx, organizationId));
    }
}
