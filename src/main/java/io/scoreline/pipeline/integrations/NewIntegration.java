package io.scoreline.pipeline.integrations;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.connectors.spi.ScorelineException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A validated request to connect a CRM. Settings hold what is not secret: the login or API base
 * URL, the HubSpot portal id, the API version.
 *
 * @param sharedAccount whether an operator lets this integration share its CRM account with other
 *                      integrations (ADR 0021); without it, an account already held by an active
 *                      integration of any organization is refused
 */
public record NewIntegration(long organizationId, CrmProvider provider, CrmCredentials credentials,
        Map<String, String> settings, Optional<String> externalAccountId, boolean sharedAccount) {

    public static final String LOGIN_URL = "login_url";
    public static final String BASE_URL = "base_url";
    public static final String API_VERSION = "api_version";
    public static final String PORTAL_ID = "portal_id";

    public NewIntegration {
        if (!credentials.supports(provider)) {
            throw ScorelineException.badInput(provider.key() + " does not accept " + kindOf(credentials) + " credentials");
        }
        settings = Map.copyOf(settings);
    }

    public static NewIntegration of(long organizationId, CrmProvider provider, CrmCredentials credentials,
            Optional<String> loginUrl, Optional<String> baseUrl, Optional<String> portalId) {
        var settings = new LinkedHashMap<String, String>();
        switch (provider) {
            case SALESFORCE -> {
                if (baseUrl.isPresent()) {
                    throw ScorelineException.badInput("--base-url is for hubspot; salesforce takes --login-url");
                }
                if (portalId.isPresent()) {
                    throw ScorelineException.badInput("--portal-id is for hubspot");
                }
                settings.put(LOGIN_URL, httpUrl(loginUrl.orElse("https://login.salesforce.com"), "--login-url"));
                settings.put(API_VERSION, "61.0");
            }
            case HUBSPOT -> {
                if (loginUrl.isPresent()) {
                    throw ScorelineException.badInput("--login-url is for salesforce; hubspot takes --base-url");
                }
                settings.put(BASE_URL, httpUrl(baseUrl.orElse("https://api.hubapi.com"), "--base-url"));
                portalId.ifPresent(id -> settings.put(PORTAL_ID, portalId(id)));
            }
        }
        return new NewIntegration(organizationId, provider, credentials, settings,
                provider == CrmProvider.HUBSPOT ? Optional.ofNullable(settings.get(PORTAL_ID)) : Optional.empty(), false);
    }

    /** Sets the Salesforce org id that outbound messages must come from (stored as the external account id). */
    public NewIntegration withSalesforceOrgId(Optional<String> orgId) {
        if (orgId.isEmpty()) {
            return this;
        }
        if (provider != CrmProvider.SALESFORCE) {
            throw ScorelineException.badInput("--salesforce-org-id is for salesforce; hubspot takes --portal-id");
        }
        var id = orgId.get().strip();
        if (!id.matches("00D[A-Za-z0-9]{12}([A-Za-z0-9]{3})?")) {
            throw ScorelineException.badInput("--salesforce-org-id must be a 15- or 18-character org id starting with 00D, got '"
                    + orgId.get() + "'");
        }
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

    private static String httpUrl(String value, String option) {
        try {
            var uri = new URI(value.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw ScorelineException.badInput(option + " must be an http(s) URL, got '" + value + "'");
            }
            var text = uri.toString();
            return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        } catch (URISyntaxException e) {
            throw ScorelineException.badInput(option + " is not a valid URL: '" + value + "'");
        }
    }

    private static String portalId(String value) {
        if (!value.strip().matches("[0-9]{1,19}")) {
            throw ScorelineException.badInput("--portal-id must be the numeric HubSpot portal (hub) id, got '" + value + "'");
        }
        // HubSpot sends the portal id as a JSON number: "042" would never match "42" in routing.
        try {
            return Long.toString(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw ScorelineException.badInput("--portal-id is too large to be a HubSpot portal id: '" + value + "'");
        }
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
