package io.scoreline.connectors.spi;

import io.scoreline.failure.ScorelineException;

/**
 * Scoreline's own connected app (Salesforce) or public app (HubSpot) at one CRM: what an
 * authorization-code flow identifies Scoreline with. {@code toString} never shows the secret.
 */
public record OAuthApp(String clientId, String clientSecret) {

    public OAuthApp {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw ScorelineException.badInput("an OAuth app needs a client id and a client secret");
        }
    }

    @Override
    public String toString() {
        return "OAuthApp[clientId=" + clientId + ", clientSecret=***]";
    }
}
