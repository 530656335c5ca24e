package io.scoreline.sim.hubspot;

import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import io.scoreline.sim.oauth.AuthorizationCodes;
import io.scoreline.sim.oauth.ConsentPage;
import io.scoreline.sim.oauth.RegisteredCallbacks;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /oauth/authorize} (on app.hubspot.com in the real world): the install page. A GET shows the
 * consent page to the simulated signed-in user; its forms POST the request back with the decision,
 * answered by a 302 to the callback with {@code code} (and {@code state}), or {@code
 * error=access_denied}. An unknown client, an unregistered callback or a scope the app does not
 * have gets HubSpot's error page instead (its wording is not documented).
 */
final class HubSpotAuthorizeHandler {

    static final String PATH = "/oauth/authorize";
    private static final List<String> PARAMETERS =
            List.of("client_id", "redirect_uri", "scope", "optional_scope", "state");

    private final HubSpotCredentials credentials;
    private final AuthorizationCodes codes;

    HubSpotAuthorizeHandler(HubSpotCredentials credentials, AuthorizationCodes codes) {
        this.credentials = credentials;
        this.codes = codes;
    }

    Reply handle(SimRequest request) {
        boolean decided = request.method().equals("POST");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            Optional<String> value =
                    decided ? Optional.ofNullable(request.form().get(name)) : request.queryParam(name);
            value.ifPresent(v -> fields.put(name, v));
        }
        if (!credentials.clientId().equals(fields.get("client_id"))) {
            return ConsentPage.error(
                    "HubSpot", "Authorization failed because this application's client ID is invalid.");
        }
        String redirectUri = fields.get("redirect_uri");
        if (!RegisteredCallbacks.accepts(redirectUri, "hubspot")) {
            return ConsentPage.error(
                    "HubSpot", "Authorization failed because the redirect URL doesn't match the app's settings.");
        }
        String scope = fields.getOrDefault("scope", "");
        if (scope.isBlank()
                || !Arrays.stream(scope.trim().split("[ +]+")).allMatch(HubSpotOAuthHandler.SCOPES::contains)) {
            return ConsentPage.error(
                    "HubSpot",
                    "Authorization failed because there is a mismatch between the scopes in the install URL and"
                            + " the app's configured scopes.");
        }
        if (!decided) {
            return ConsentPage.render("HubSpot", PATH, "integration@scoreline-sim.example", fields);
        }
        Map<String, String> answer = new LinkedHashMap<>();
        if (ConsentPage.ALLOW.equals(request.form().get(ConsentPage.DECISION))) {
            answer.put("code", codes.issue(credentials.clientId(), redirectUri, Optional.empty()));
        } else {
            answer.put("error", "access_denied");
            answer.put("error_description", "The user denied the app access.");
        }
        Optional.ofNullable(fields.get("state")).ifPresent(state -> answer.put("state", state));
        return ConsentPage.redirect(redirectUri, answer);
    }
}
