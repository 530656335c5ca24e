package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.INTEGRATIONS;
import static io.scoreline.pipeline.db.Tables.INTEGRATION_CATALOGS;
import static io.scoreline.pipeline.db.Tables.KPI_DEFINITIONS;
import static io.scoreline.pipeline.db.Tables.KPI_VALUES;
import static io.scoreline.pipeline.db.Tables.MAPPING_RULE_SETS;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.KpiRule;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.pipeline.integrations.catalogs.CatalogJson;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogs;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The KPI keys an organization can run a contest on: those its active mapping rules produce, those
 * it has defined, and those it already has values for (rules may have changed since). A contest on
 * any other key would stay at zero forever, which is almost always a typo.
 */
final class KnownKpis {

    private KnownKpis() {}

    static Set<String> of(DSLContext tx, long organizationId) {
        var keys = new TreeSet<String>();
        keys.addAll(tx.select(KPI_DEFINITIONS.KEY)
                .from(KPI_DEFINITIONS)
                .where(KPI_DEFINITIONS.ORGANIZATION_ID.eq(organizationId))
                .fetch(KPI_DEFINITIONS.KEY));
        keys.addAll(tx.selectDistinct(KPI_VALUES.KPI_KEY)
                .from(KPI_VALUES)
                .where(KPI_VALUES.ORGANIZATION_ID.eq(organizationId))
                .fetch(KPI_VALUES.KPI_KEY));
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
                .forEach(r -> {
                    var provider = CrmProvider.fromKey(r.value1());
                    var catalog = r.value3() == null
                            ? FieldCatalog.stock(provider)
                            : IntegrationCatalogs.merged(CatalogJson.read(r.value3(), "stored catalog")
                                    .catalog());
                    if (MappingCompiler.compile(r.value2(), catalog) instanceof CompileResult.Compiled compiled) {
                        compiled.ruleSet().rules().stream().map(KpiRule::key).forEach(keys::add);
                    }
                });
        return keys;
    }
}
