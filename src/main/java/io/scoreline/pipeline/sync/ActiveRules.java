package io.scoreline.pipeline.sync;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.rules.RuleSetStore;
import java.util.Optional;

/** The compiled active rule set of an integration, with the id of its stored version. */
public record ActiveRules(long ruleSetId, int version, RuleSet ruleSet) {

    /**
     * Compiled against the integration's stored catalog, without calling the CRM: for webhook
     * events and offline work.
     */
    public static ActiveRules load(RuleSetStore store, Integration integration) {
        return load(store, integration, store.catalogs().effective(integration));
    }

    /**
     * Compiled against the integration's catalog, read again from the CRM first when none is stored
     * or the stored one is older than {@code SCORELINE_CATALOG_MAX_AGE}: for runs that read the CRM.
     */
    public static ActiveRules loadForRun(RuleSetStore store, Integration integration) {
        var catalog = store.catalogs().beforeRun(integration);
        try {
            return load(store, integration, catalog);
        } catch (ScorelineException rejected) {
            throw goneOrElse(store, integration, catalog, rejected);
        }
    }

    /**
     * The rules as they compiled before the catalog's latest change, when they no longer compile
     * against it: schema drift names the KPIs that read the missing field from them.
     */
    static Optional<RuleSet> beforeLatestChange(RuleSetStore store, Integration integration) {
        try {
            return Optional.of(load(store, integration, store.catalogs().beforeLatestChange(integration))
                    .ruleSet());
        } catch (ScorelineException e) {
            return Optional.empty();
        }
    }

    /**
     * A field the rules read that the refreshed catalog lacks is schema drift ({@code SCHEMA}, the
     * integration needs attention), not bad rules: they compiled against the catalog before its
     * latest change and read something that catalog has and the latest has not.
     */
    private static ScorelineException goneOrElse(
            RuleSetStore store, Integration integration, FieldCatalog catalog, ScorelineException rejected) {
        return beforeLatestChange(store, integration)
                .flatMap(rules -> GoneFromCatalog.find(rules, catalog))
                .<ScorelineException>map(gone -> gone)
                .orElse(rejected);
    }

    private static ActiveRules load(RuleSetStore store, Integration integration, FieldCatalog catalog) {
        var stored = store.active(integration.organizationId(), integration.id())
                .orElseThrow(() -> new ScorelineException(
                        FailureKind.BAD_INPUT,
                        "integration " + integration.id() + " has no mapping rules: store them with "
                                + "`scoreline mapping set --integration " + integration.id() + " --file mappings/"
                                + integration.provider().key() + ".yaml`"));
        return switch (MappingCompiler.compile(stored.document(), catalog)) {
            case CompileResult.Compiled compiled -> new ActiveRules(stored.id(), stored.version(), compiled.ruleSet());
            case CompileResult.Rejected rejected ->
                throw new ScorelineException(
                        FailureKind.BAD_INPUT,
                        "the active rules (version " + stored.version() + ") of integration " + integration.id()
                                + " no longer compile: "
                                + rejected.problems().getFirst().format("rules"));
        };
    }
}
