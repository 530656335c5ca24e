package io.scoreline.sim.salesforce;

import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import io.scoreline.sim.oauth.AuthorizationCodes;
import io.scoreline.sim.oauth.ConsentPage;
import io.scoreline.sim.oauth.RegisteredCallbacks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /services/oauth2/authorize}: the web-server flow's authorize page. A GET shows the consent
 * page to the simulated signed-in user; its forms POST the same parameters back with the decision,
 * answered by a 302 to the callback with {@code code} and {@code state}, or {@code
 * error=access_denied}. An unknown client or an unregistered callback gets Salesforce's error page.
 */
final class SalesforceAuthorizeHandler {

    static final String PATH = "/services/oauth2/authorize";
    private static final List<String> PARAMETERS = List.of(
            "response_type", "client_id", "redirect_uri", "state", "scope", "code_challenge", "code_challenge_method");

    private final SalesforceCredentials credentials;
    private final AuthorizationCodes codes;

    SalesforceAuthorizeHandler(SalesforceCredentials credentials, AuthorizationCodes codes) {
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
                    "Salesforce", "error=invalid_client_id&error_description=client identifier invalid");
        }
        String redirectUri = fields.get("redirect_uri");
        if (!RegisteredCallbacks.accepts(redirectUri, "salesforce")) {
            return ConsentPage.error(
                    "Salesforce",
                    "error=redirect_uri_mismatch&error_description=redirect_uri must match configuration");
        }
        if (!"code".equals(fields.get("response_type"))) {
            return failure(redirectUri, fields, "unsupported_response_type", "response type not supported");
        }
        Optional<String> challenge = Optional.ofNullable(fields.get("code_challenge"));
        if (challenge.isPresent() && !"S256".equals(fields.getOrDefault("code_challenge_method", "S256"))) {
            return failure(redirectUri, fields, "invalid_request", "invalid code_challenge_method");
        }
        if (!decided) {
            return ConsentPage.render("Salesforce", PATH, credentials.username(), fields);
        }
        if (!ConsentPage.ALLOW.equals(request.form().get(ConsentPage.DECISION))) {
            return failure(redirectUri, fields, "access_denied", "end-user denied authorization");
        }
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", codes.issue(credentials.clientId(), redirectUri, challenge));
        Optional.ofNullable(fields.get("state")).ifPresent(state -> answer.put("state", state));
        return ConsentPage.redirect(redirectUri, answer);
    }

    private static Reply failure(String redirectUri, Map<String, String> fields, String error, String description) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("error", error);
        answer.put("error_description", description);
        Optional.ofNullable(fields.get("state")).ifPresent(state -> answer.put("state", state));
        return ConsentPage.redirect(redirectUri, answer);
    }
}
