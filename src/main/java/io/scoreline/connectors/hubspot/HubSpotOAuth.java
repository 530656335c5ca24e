package io.scoreline.connectors.hubspot;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.OAuthApp;
import io.scoreline.connectors.spi.OAuthAuthorization;
import io.scoreline.connectors.spi.OAuthTokenRequest;
import io.scoreline.mappings.CrmProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * HubSpot's app install flow: the authorize page is on app.hubspot.com for the real API (on the
 * simulator's own origin otherwise), the code is exchanged at the API's {@code /oauth/v1/token}.
 * HubSpot takes no PKCE challenge; the state and the client secret protect the exchange.
 */
public final class HubSpotOAuth implements OAuthAuthorization {

    /** What the connector reads: deals, owners, contacts and the engagement emails of a portal. */
    static final String SCOPES =
            "oauth crm.objects.deals.read crm.objects.owners.read crm.objects.contacts.read sales-email-read";

    private static final String REAL_AUTHORIZE_PAGE = "https://app.hubspot.com/oauth/authorize";

    @Override
    public CrmProvider provider() {
        return CrmProvider.HUBSPOT;
    }

    @Override
    public boolean usesPkce() {
        return false;
    }

    @Override
    public URI authorizeUri(
            Map<String, String> settings, OAuthApp app, URI redirectUri, String state, Optional<String> codeChallenge) {
        var query = new LinkedHashMap<String, String>();
        query.put("client_id", app.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", SCOPES);
        query.put("state", state);
        var base = baseUrl(settings);
        var page = base.equals(HubSpotSettings.DEFAULT_BASE_URL) ? REAL_AUTHORIZE_PAGE : base + "/oauth/authorize";
        return URI.create(page + "?" + encode(query));
    }

    @Override
    public CrmCredentials.RefreshToken exchange(
            Map<String, String> settings, OAuthApp app, URI redirectUri, String code, Optional<String> codeVerifier) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "authorization_code");
        form.put("client_id", app.clientId());
        form.put("client_secret", app.clientSecret());
        form.put("redirect_uri", redirectUri.toString());
        form.put("code", code);
        var answer = OAuthTokenRequest.post(
                URI.create(baseUrl(settings) + "/oauth/v1/token"),
                form,
                "HubSpot",
                error -> error.path("status").asText("error") + " ("
                        + error.path("message").asText("") + ")");
        return new CrmCredentials.RefreshToken(
                app.clientId(), app.clientSecret(), OAuthTokenRequest.text(answer, "refresh_token", "HubSpot"));
    }

    private static String baseUrl(Map<String, String> settings) {
        var url = HubSpotSettings.from(settings).baseUrl().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String encode(Map<String, String> query) {
        var joined = new StringJoiner("&");
        query.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return joined.toString();
    }
}
