package io.scoreline.pipeline.crmfixture;

import io.scoreline.connectors.salesforce.SalesforceSettings;
import io.scoreline.mappings.CrmProvider;

/**
 * What {@code CrmNeutralityTest} must catch in the pipeline: a branch on a provider constant, a
 * switch over the providers and a connector's own type. Test code only, never analysed as product.
 */
final class CrmBranchingFixture {

    private CrmBranchingFixture() {}

    static boolean branches(CrmProvider provider) {
        return provider == CrmProvider.HUBSPOT;
    }

    static String switches(CrmProvider provider) {
        return switch (provider) {
            case SALESFORCE -> "org";
            case HUBSPOT -> "portal";
        };
    }

    static String connectorType() {
        return SalesforceSettings.LOGIN_URL + SalesforceSettings.class.getSimpleName();
    }
}
