package io.scoreline.gamification.badges;

import static io.scoreline.pipeline.db.Tables.INTEGRATION_CATALOGS;
import static io.scoreline.pipeline.db.Tables.MAPPING_RULE_SETS;

import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCatalog;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The derived KPIs of an organization (ADR 0042), for the badge evaluator: compiled from its active
 * rule sets once per version of them, not once per person's changes. A rule set activated, or an
 * integration's field catalog read again, changes the key (one small query) and compiles anew.
 */
final class DerivedKpis implements DerivedKpiSource {

    private record Compiled(List<List<Object>> versions, Map<String, KpiMeasure> derived) {}

    private final Map<Long, Compiled> byOrganization = new ConcurrentHashMap<>();

    @Override
    public Map<String, KpiMeasure> of(DSLContext tx, long organizationId) {
        var latestCatalog = DSL.field(DSL.select(DSL.max(INTEGRATION_CATALOGS.VERSION))
                .from(INTEGRATION_CATALOGS)
                .where(INTEGRATION_CATALOGS.INTEGRATION_ID.eq(MAPPING_RULE_SETS.INTEGRATION_ID)));
        var versions = tx.select(MAPPING_RULE_SETS.ID, latestCatalog)
                .from(MAPPING_RULE_SETS)
                .where(MAPPING_RULE_SETS.ORGANIZATION_ID.eq(organizationId))
                .and(MAPPING_RULE_SETS.ACTIVE)
                .orderBy(MAPPING_RULE_SETS.ID)
                .fetch(r -> r.intoList());
        var cached = byOrganization.get(organizationId);
        if (cached != null && cached.versions().equals(versions)) {
            return cached.derived();
        }
        var derived = KpiMeasureCatalog.of(tx, organizationId).values().stream()
                .filter(KpiMeasure::derived)
                .collect(Collectors.toUnmodifiableMap(KpiMeasure::key, m -> m));
        byOrganization.put(organizationId, new Compiled(versions, derived));
        return derived;
    }
}
