package io.scoreline.connectors.spi;

import java.util.Map;
import java.util.Optional;

/**
 * The settings a new integration is stored with, and the CRM account its webhooks are routed by
 * when the settings name one (a HubSpot portal id).
 */
public record NewSettings(Map<String, String> settings, Optional<String> externalAccountId) {

    public NewSettings {
        settings = Map.copyOf(settings);
    }
}
