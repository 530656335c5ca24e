package io.scoreline.pipeline.integrations;

import io.scoreline.connectors.spi.ConnectionOptions;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import java.util.Map;
import java.util.Optional;

/**
 * A validated request to connect a CRM. Settings hold what is not secret (the CRM's API URL, the
 * account it routes webhooks by); the CRM's profile makes and checks them.
 *
 * @param sharedAccount whether an operator lets this integration share its CRM account with other
 *                      integrations (ADR 0021); without it, an account already held by an active
 *                      integration of any organization is refused
 */
public record NewIntegration(
        long organizationId,
        CrmProvider provider,
        CrmCredentials credentials,
        Map<String, String> settings,
        Optional<String> externalAccountId,
        boolean sharedAccount) {

    public NewIntegration {
        if (!credentials.supports(provider)) {
            throw ScorelineException.badInput(
                    provider.key() + " does not accept " + kindOf(credentials) + " credentials");
        }
        CrmProfiles.of(provider).validateSettings(settings);
        settings = Map.copyOf(settings);
    }

    /** A request from what an operator gave; the CRM's profile makes and checks its settings. */
    public static NewIntegration of(
            long organizationId,
            CrmProvider provider,
            CrmCredentials credentials,
            Optional<String> loginUrl,
            Optional<String> baseUrl,
            Optional<String> portalId) {
        var settings = CrmProfiles.of(provider).newSettings(new ConnectionOptions(loginUrl, baseUrl, portalId));
        return new NewIntegration(
                organizationId, provider, credentials, settings.settings(), settings.externalAccountId(), false);
    }

    /**
     * Sets the CRM account that webhooks must come from when the settings do not name it (the
     * Salesforce org id of outbound messages), stored as the external account id.
     */
    public NewIntegration withWebhookAccountId(Optional<String> accountId) {
        if (accountId.isEmpty()) {
            return this;
        }
        var id = CrmProfiles.of(provider).webhookAccountId(accountId.get());
        return new NewIntegration(organizationId, provider, credentials, settings, Optional.of(id), sharedAccount);
    }

    /** The same request for this organization: an entry point checks a request before it knows the organization. */
    public NewIntegration inOrganization(long organization) {
        return new NewIntegration(organization, provider, credentials, settings, externalAccountId, sharedAccount);
    }

    /** Lets the integration share its CRM account with other integrations (ADR 0021). */
    public NewIntegration withSharedAccount(boolean shared) {
        return new NewIntegration(organizationId, provider, credentials, settings, externalAccountId, shared);
    }

    private static String kindOf(CrmCredentials credentials) {
        return switch (credentials) {
            case CrmCredentials.RefreshToken r -> "refresh-token";
            case CrmCredentials.ClientCredentials c -> "client-credentials";
            case CrmCredentials.JwtBearer j -> "JWT-bearer";
            case CrmCredentials.PrivateAppToken p -> "private-app-token";
        };
    }
}
