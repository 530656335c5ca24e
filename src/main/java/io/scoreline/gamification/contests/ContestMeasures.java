package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.INTEGRATION_CATALOGS;
import static io.scoreline.pipeline.db.Tables.KPI_DEFINITIONS;
import static io.scoreline.pipeline.db.Tables.MAPPING_RULE_SETS;

import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCatalog;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What each contest's KPI means (ADR 0042), per organization, compiled once per version of what
 * defines it. The leaderboard updater runs for every changed cell of every person; compiling the
 * organization's rule sets each time ({@link KpiMeasureCatalog#of}) would dominate the cost, so the
 * catalog is kept per organization under a stamp that one cheap query reads on each use: the ids of
 * the active rule sets with the latest catalog version of their integrations, and the KPI
 * definitions. Activating a rule set (or rolling one back) changes which row is active, a catalog
 * refresh adds a catalog row, a definition changes the definitions' text: each changes the stamp,
 * and the next use compiles again. The stamp is read before the catalog, so a rule set activated in
 * between is at worst compiled once more on the next use, never missed.
 *
 * <p>A key the catalog does not know (say, a contest on a KPI whose rule was removed) reads as a
 * stored sum, as the catalog itself would list it once it has values.
 */
final class ContestMeasures {

    /** The KPIs of one organization, with which of them read each stored KPI. */
    static final class Measures {

        private final Map<String, KpiMeasure> byKey;
        private final Map<String, Set<String>> readersByInput = new HashMap<>();

        Measures(Map<String, KpiMeasure> byKey) {
            this.byKey = Map.copyOf(byKey);
            byKey.values()
                    .forEach(m -> m.inputs()
                            .forEach(input -> readersByInput
                                    .computeIfAbsent(input, k -> new TreeSet<>())
                                    .add(m.key())));
        }

        /** The measure a contest on {@code key} is scored by. */
        KpiMeasure of(String key) {
            var measure = byKey.get(key);
            return measure != null ? measure : KpiMeasure.stored(key, KpiUnit.COUNT);
        }

        /** The KPI keys whose value a change of the stored KPI {@code input} can change, itself included. */
        Set<String> reading(String input) {
            var keys = new TreeSet<>(readersByInput.getOrDefault(input, Set.of()));
            keys.add(input);
            return keys;
        }
    }

    /** What the catalog was compiled from: active rule sets with their catalogs, and the definitions; null when none. */
    private record Stamp(String ruleSets, String definitions) {}

    private record Compiled(Stamp stamp, Measures measures) {}

    private final BiFunction<DSLContext, Long, Map<String, KpiMeasure>> catalog;
    private final Map<Long, Compiled> byOrganization = new ConcurrentHashMap<>();

    ContestMeasures() {
        this(KpiMeasureCatalog::of);
    }

    /** @param catalog what the organization's KPI keys mean; {@link KpiMeasureCatalog#of} but in tests */
    ContestMeasures(BiFunction<DSLContext, Long, Map<String, KpiMeasure>> catalog) {
        this.catalog = catalog;
    }

    /** The organization's measures, compiled again only when its rule sets or definitions changed. */
    Measures of(DSLContext tx, long organizationId) {
        var stamp = stamp(tx, organizationId);
        var cached = byOrganization.get(organizationId);
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.measures();
        }
        var measures = new Measures(catalog.apply(tx, organizationId));
        byOrganization.put(organizationId, new Compiled(stamp, measures));
        return measures;
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
