package io.scoreline.app.config;

import io.scoreline.connectors.spi.OAuthApp;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.integrations.oauth.OAuthApps;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Scoreline's own connected app at each CRM, for connecting integrations through the CRM's OAuth
 * authorization-code flow (ADR 0051). A CRM without one simply cannot be connected that way; half
 * an app (an id without its secret or the other way round) stops start-up naming the missing one.
 */
public record OAuthSettings(OAuthApps apps) {

    public static final String SALESFORCE_CLIENT_ID = "SCORELINE_OAUTH_SALESFORCE_CLIENT_ID";
    public static final String SALESFORCE_CLIENT_SECRET = "SCORELINE_OAUTH_SALESFORCE_CLIENT_SECRET";
    public static final String HUBSPOT_CLIENT_ID = "SCORELINE_OAUTH_HUBSPOT_CLIENT_ID";
    public static final String HUBSPOT_CLIENT_SECRET = "SCORELINE_OAUTH_HUBSPOT_CLIENT_SECRET";

    public static OAuthSettings none() {
        return new OAuthSettings(new OAuthApps(Map.of(), names()));
    }

    static OAuthSettings read(SettingsReader settings) {
        var apps = new EnumMap<CrmProvider, OAuthApp>(CrmProvider.class);
        app(settings, SALESFORCE_CLIENT_ID, SALESFORCE_CLIENT_SECRET)
                .ifPresent(app -> apps.put(CrmProvider.SALESFORCE, app));
        app(settings, HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET).ifPresent(app -> apps.put(CrmProvider.HUBSPOT, app));
        return new OAuthSettings(new OAuthApps(apps, names()));
    }

    private static Map<CrmProvider, String> names() {
        return Map.of(
                CrmProvider.SALESFORCE, SALESFORCE_CLIENT_ID + " and " + SALESFORCE_CLIENT_SECRET,
                CrmProvider.HUBSPOT, HUBSPOT_CLIENT_ID + " and " + HUBSPOT_CLIENT_SECRET);
    }

    private static Optional<OAuthApp> app(SettingsReader settings, String idName, String secretName) {
        var id = settings.text(idName);
        var secret = settings.text(secretName);
        if (id.isPresent() != secret.isPresent()) {
            throw ScorelineException.badInput((id.isPresent() ? secretName : idName) + " must be set with "
                    + (id.isPresent() ? idName : secretName));
        }
        if (id.isPresent() && id.get().chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            throw ScorelineException.badInput(idName + " must not hold spaces or control characters");
        }
        return id.map(clientId -> new OAuthApp(clientId, secret.get()));
    }

    @Override
    public String toString() {
        return "OAuthSettings[" + apps.apps().keySet() + "]";
    }
}
