package io.scoreline.pipeline.rules;

import io.scoreline.mappings.FieldCatalog;
import io.scoreline.pipeline.integrations.Integration;
import java.util.Optional;

/**
 * The field catalog an integration's rules compile against: the stock catalog of its CRM merged
 * with what its CRM account reported (ADR 0033). Every place that compiles rules for an
 * integration asks here, so a custom field valid when the rules were stored stays valid when they
 * run. Implemented by {@code IntegrationCatalogs}; {@link #STOCK} where no account is known.
 */
public interface RuleCatalogs {

    /** The stock catalogs only: what rules compiled against before discovery, and offline tools. */
    RuleCatalogs STOCK = new RuleCatalogs() {
        @Override
        public FieldCatalog effective(Integration integration) {
            return FieldCatalog.stock(integration.provider());
        }

        @Override
        public FieldCatalog beforeRun(Integration integration) {
            return effective(integration);
        }

        @Override
        public CatalogForRules forNewRules(Integration integration) {
            return new CatalogForRules(effective(integration), Optional.empty());
        }
    };

    /** From what is stored; never calls the CRM (webhook events, offline remap, roll-back). */
    FieldCatalog effective(Integration integration);

    /** Before a run that reads the CRM anyway: read again first when none is stored or it is too old. */
    FieldCatalog beforeRun(Integration integration);

    /**
     * The effective catalog before the stored catalog's latest change (the latest when it never
     * changed): rules that no longer compile against the latest because a field they read is gone
     * still compile against this one, which says which field. Never calls the CRM.
     */
    default FieldCatalog beforeLatestChange(Integration integration) {
        return effective(integration);
    }

    /** For rules about to be stored: read from the CRM first when none is stored yet. */
    CatalogForRules forNewRules(Integration integration);

    /**
     * @param notDiscovered why the integration's account could not be read (the CRM was
     *                      unreachable, say): the catalog is then the stock one, custom fields are
     *                      unknown, and an error about an unknown field should say how to read it
     */
    record CatalogForRules(FieldCatalog catalog, Optional<String> notDiscovered) {}
}
