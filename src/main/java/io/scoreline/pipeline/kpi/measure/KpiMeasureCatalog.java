package io.scoreline.pipeline.kpi.measure;

import static io.scoreline.pipeline.db.Tables.INTEGRATIONS;
import static io.scoreline.pipeline.db.Tables.INTEGRATION_CATALOGS;
import static io.scoreline.pipeline.db.Tables.KPI_DEFINITIONS;
import static io.scoreline.pipeline.db.Tables.KPI_VALUES;
import static io.scoreline.pipeline.db.Tables.MAPPING_RULE_SETS;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.ast.KpiKind;
import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.pipeline.integrations.catalogs.CatalogJson;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogs;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The KPIs an organization can read, by key: those its active rule sets produce (additive or
 * snapshot) or derive, those it has defined in {@code kpi_definitions}, and those it already has
 * values for (rules may have changed since). A key in none of them would stay at zero forever,
 * which is almost always a typo.
 */
public final class KpiMeasureCatalog {

    private KpiMeasureCatalog() {}

    public static Map<String, KpiMeasure> of(DSLContext tx, long organizationId) {
        var measures = new TreeMap<String, KpiMeasure>();
        tx.selectDistinct(KPI_VALUES.KPI_KEY)
                .from(KPI_VALUES)
                .where(KPI_VALUES.ORGANIZATION_ID.eq(organizationId))
                .fetch(KPI_VALUES.KPI_KEY)
                .forEach(key -> measures.put(key, KpiMeasure.stored(key, KpiUnit.COUNT)));
        tx.select(KPI_DEFINITIONS.KEY, KPI_DEFINITIONS.UNIT, KPI_DEFINITIONS.KIND)
                .from(KPI_DEFINITIONS)
                .where(KPI_DEFINITIONS.ORGANIZATION_ID.eq(organizationId))
                .forEach(r -> {
                    var unit = KpiUnit.fromKey(r.value2()).orElse(KpiUnit.COUNT);
                    var formula = "snapshot".equals(r.value3())
                            ? (KpiFormula) new KpiFormula.Snapshot(r.value1())
                            : new KpiFormula.Sum(r.value1());
                    measures.put(r.value1(), new KpiMeasure(r.value1(), unit, formula, 0));
                });
        // Rules on custom fields compile only against their integration's catalog (ADR 0033).
        var latestCatalog = DSL.field(DSL.select(INTEGRATION_CATALOGS.CATALOG)
                .from(INTEGRATION_CATALOGS)
                .where(INTEGRATION_CATALOGS.INTEGRATION_ID.eq(MAPPING_RULE_SETS.INTEGRATION_ID))
                .orderBy(INTEGRATION_CATALOGS.VERSION.desc())
                .limit(1));
        tx.select(INTEGRATIONS.PROVIDER, MAPPING_RULE_SETS.DOCUMENT, latestCatalog)
                .from(MAPPING_RULE_SETS)
                .join(INTEGRATIONS)
                .on(INTEGRATIONS.ID.eq(MAPPING_RULE_SETS.INTEGRATION_ID))
                .where(MAPPING_RULE_SETS.ORGANIZATION_ID.eq(organizationId))
                .and(MAPPING_RULE_SETS.ACTIVE)
                .orderBy(MAPPING_RULE_SETS.INTEGRATION_ID)
                .forEach(r -> {
                    var provider = CrmProvider.fromKey(r.value1());
                    var catalog = r.value3() == null
                            ? FieldCatalog.stock(provider)
                            : IntegrationCatalogs.merged(CatalogJson.read(r.value3(), "stored catalog")
                                    .catalog());
                    if (MappingCompiler.compile(r.value2(), catalog) instanceof CompileResult.Compiled compiled) {
                        for (var rule : compiled.ruleSet().rules()) {
                            var key = rule.key();
                            var unit = measures.containsKey(key)
                                    ? measures.get(key).unit()
                                    : KpiUnit.COUNT;
                            var formula = rule.definition().kind() == KpiKind.SNAPSHOT
                                    ? (KpiFormula) new KpiFormula.Snapshot(key)
                                    : new KpiFormula.Sum(key);
                            measures.put(
                                    key,
                                    new KpiMeasure(
                                            key,
                                            unit,
                                            formula,
                                            rule.definition().line()));
                        }
                        compiled.ruleSet().derived().forEach(m -> measures.put(m.key(), m));
                    }
                });
        return measures;
    }
}
