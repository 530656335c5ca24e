package io.scoreline.pipeline.kpi.measure;

import static io.scoreline.pipeline.db.Tables.INTEGRATION_CATALOGS;
import static io.scoreline.pipeline.db.Tables.KPI_DEFINITIONS;
import static io.scoreline.pipeline.db.Tables.MAPPING_RULE_SETS;

import io.scoreline.mappings.measures.KpiMeasure;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Each organization's {@link KpiMeasures}, compiled once per version of what defines them. The
 * evaluator's consumers (badges, goal alerts, leaderboards) run for every person's changes;
 * compiling the organization's rule sets each time ({@link KpiMeasureCatalog#of}) would dominate
 * their cost, so the compiled catalog is kept per organization under a stamp that one cheap query
 * reads on each use: the ids of the active rule sets with the latest catalog of their
 * integrations, and a digest of the KPI definitions. Activating a rule set (or rolling one back)
 * changes which row is active, a catalog refresh adds a catalog row, a definition changes the
 * digest: each changes the stamp, and the next use compiles again. The stamp is read before the
 * catalog, so a rule set activated in between is at worst compiled once more, never missed.
 *
 * <p>One instance is shared by every consumer (the application wires a singleton), so a change
 * costs one stamp query per consumer and one compilation per organization and version.
 */
public final class KpiMeasureCache {

    /** What the catalog was compiled from: active rule sets with their catalogs, and the definitions; null when none. */
    private record Stamp(String ruleSets, String definitions) {}

    private record Compiled(Stamp stamp, KpiMeasures measures) {}

    private final BiFunction<DSLContext, Long, Map<String, KpiMeasure>> catalog;
    private final Map<Long, Compiled> byOrganization = new ConcurrentHashMap<>();

    public KpiMeasureCache() {
        this(KpiMeasureCatalog::of);
    }

    /** @param catalog what the organization's KPI keys mean; {@link KpiMeasureCatalog#of} but in tests that count compilations */
    public KpiMeasureCache(BiFunction<DSLContext, Long, Map<String, KpiMeasure>> catalog) {
        this.catalog = catalog;
    }

    /** The organization's measures, compiled again only when its rule sets or definitions changed. */
    public KpiMeasures of(DSLContext tx, long organizationId) {
        var stamp = stamp(tx, organizationId);
        var cached = byOrganization.get(organizationId);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.measures();
        }
        var measures = new KpiMeasures(catalog.apply(tx, organizationId));
        byOrganization.put(organizationId, new Compiled(stamp, measures));
        return measures;
    }

    /**
     * The organization's measures for the people of one evaluator claim (ADR 0052): the stamp is read
     * the first time one of them needs the catalog and not again for the rest of the claim.
     */
    public Memo memo(long organizationId) {
        return new Memo(organizationId);
    }

    /** {@link #of} read at most once. Not thread-safe: one claim is evaluated by one thread. */
    public final class Memo {

        private final long organizationId;
        private KpiMeasures measures;

        private Memo(long organizationId) {
            this.organizationId = organizationId;
        }

        public KpiMeasures of(DSLContext tx) {
            if (measures == null) {
                measures = KpiMeasureCache.this.of(tx, organizationId);
            }
            return measures;
        }
    }

    private static Stamp stamp(DSLContext tx, long organizationId) {
        var latestCatalog = DSL.field(DSL.select(DSL.max(INTEGRATION_CATALOGS.ID))
                .from(INTEGRATION_CATALOGS)
                .where(INTEGRATION_CATALOGS.INTEGRATION_ID.eq(MAPPING_RULE_SETS.INTEGRATION_ID)));
        var ruleSets = DSL.field(DSL.select(DSL.groupConcat(DSL.concat(
                                MAPPING_RULE_SETS.ID.cast(String.class),
                                DSL.inline("@"),
                                DSL.coalesce(latestCatalog, DSL.inline(0L)).cast(String.class)))
                        .orderBy(MAPPING_RULE_SETS.ID)
                        .separator(","))
                .from(MAPPING_RULE_SETS)
                .where(MAPPING_RULE_SETS.ORGANIZATION_ID.eq(organizationId))
                .and(MAPPING_RULE_SETS.ACTIVE));
        var definitions = DSL.field(DSL.select(DSL.md5(DSL.groupConcat(DSL.concat(
                                KPI_DEFINITIONS.KEY,
                                DSL.inline(":"),
                                KPI_DEFINITIONS.UNIT,
                                DSL.inline(":"),
                                KPI_DEFINITIONS.KIND))
                        .orderBy(KPI_DEFINITIONS.KEY)
                        .separator(",")))
                .from(KPI_DEFINITIONS)
                .where(KPI_DEFINITIONS.ORGANIZATION_ID.eq(organizationId)));
        var row = tx.select(ruleSets, definitions).fetchSingle();
        return new Stamp(row.value1(), row.value2());
    }
}
