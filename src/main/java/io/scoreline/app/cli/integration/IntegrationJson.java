package io.scoreline.app.cli.integration;

import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.pipeline.integrations.Integration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON line of one integration. Credentials are never part of it. */
final class IntegrationJson {

    private IntegrationJson() {
    }

    static Map<String, Object> of(Integration integration, String organizationSlug) {
        var line = new LinkedHashMap<String, Object>();
        line.put("id", integration.id());
        line.put("org", organizationSlug);
        line.put("provider", integration.provider().key());
        line.put("status", integration.status().key());
        line.put("external_account_id", integration.externalAccountId().orElse(null));
        line.put("schedule_minute", integration.scheduleMinute());
        line.put("settings", integration.settings());
        // Salesforce only: an integration without one (added before V14) refuses every outbound message.
        line.put("endpoint_secret_set", integration.provider() == CrmProvider.SALESFORCE ? integration.hasEndpointSecret() : null);
        line.put("created_at", integration.createdAt().toString());
        return line;
    }
}
