package io.scoreline.pipeline.integrations.oauth;

import io.scoreline.connectors.spi.OAuthApp;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import java.util.Map;

/**
 * Scoreline's connected app per CRM, from the configuration (checked at start-up). A CRM without
 * one cannot be connected through OAuth; the message names the settings to set.
 *
 * @param settingNames per CRM, the names of the settings that would configure its app
 */
public record OAuthApps(Map<CrmProvider, OAuthApp> apps, Map<CrmProvider, String> settingNames) {

    public OAuthApps {
        apps = Map.copyOf(apps);
        settingNames = Map.copyOf(settingNames);
    }

    public OAuthApp require(CrmProvider provider) {
        var app = apps.get(provider);
        if (app == null) {
            throw ScorelineException.badInput("connecting " + provider.key() + " through OAuth needs Scoreline's app"
                    + " there: set " + settingNames.getOrDefault(provider, "its client id and secret"));
        }
        return app;
    }
}
