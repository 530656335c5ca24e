package io.scoreline.connectors.salesforce;

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
 * Salesforce's web-server flow on the integration's login URL: {@code /services/oauth2/authorize}
 * with a PKCE S256 challenge, then the {@code authorization_code} grant at {@code
 * /services/oauth2/token}, whose answer holds the refresh token the connector logs in with.
 */
public final class SalesforceOAuth implements OAuthAuthorization {

    @Override
    public CrmProvider provider() {
        return CrmProvider.SALESFORCE;
    }

    @Override
    public boolean usesPkce() {
        return true;
    }

    @Override
    public URI authorizeUri(
            Map<String, String> settings, OAuthApp app, URI redirectUri, String state, Optional<String> codeChallenge) {
        var query = new LinkedHashMap<String, String>();
        query.put("response_type", "code");
        query.put("client_id", app.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("state", state);
        // refresh_token (offline access) is what lets the connector log in without the user later.
        query.put("scope", "api refresh_token");
        codeChallenge.ifPresent(challenge -> {
            query.put("code_challenge", challenge);
            query.put("code_challenge_method", "S256");
        });
        return URI.create(loginUrl(settings) + "/services/oauth2/authorize?" + encode(query));
    }

    @Override
    public CrmCredentials.RefreshToken exchange(
            Map<String, String> settings, OAuthApp app, URI redirectUri, String code, Optional<String> codeVerifier) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("client_id", app.clientId());
        form.put("client_secret", app.clientSecret());
        codeVerifier.ifPresent(verifier -> form.put("code_verifier", verifier));
        form.put("format", "json");
        var answer = OAuthTokenRequest.post(
                URI.create(loginUrl(settings) + "/services/oauth2/token"),
                form,
                "Salesforce",
                error -> error.path("error").asText("unknown") + " ("
                        + error.path("error_description").asText("") + ")");
        return new CrmCredentials.RefreshToken(
                app.clientId(), app.clientSecret(), OAuthTokenRequest.text(answer, "refresh_token", "Salesforce"));
    }

    private static String loginUrl(Map<String, String> settings) {
        var url = SalesforceSettings.from(settings).loginUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String encode(Map<String, String> query) {
        var joined = new StringJoiner("&");
        query.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return joined.toString();
    }
}
