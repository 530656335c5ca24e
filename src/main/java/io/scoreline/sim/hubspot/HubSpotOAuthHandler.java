package io.scoreline.sim.hubspot;

import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import io.scoreline.sim.oauth.AuthorizationCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /oauth/v1/token} (and v3) refresh and authorization-code grants, and the access-token
 * metadata endpoint.
 */
final class HubSpotOAuthHandler {

    static final List<String> SCOPES = List.of(
            "oauth",
            "crm.objects.deals.read",
            "crm.objects.owners.read",
            "crm.objects.contacts.read",
            "sales-email-read");

    private final HubSpotCredentials credentials;
    private final HubSpotTokens tokens;
    private final AuthorizationCodes codes;

    HubSpotOAuthHandler(HubSpotCredentials credentials, HubSpotTokens tokens, AuthorizationCodes codes) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.codes = codes;
    }

    Reply token(SimRequest request) {
        Map<String, String> form = request.form();
        String grant = form.get("grant_type");
        if (!"refresh_token".equals(grant) && !"authorization_code".equals(grant)) {
            return badRequest("BAD_GRANT_TYPE", "unsupported grant_type: " + grant);
        }
        if (!credentials.clientId().equals(form.get("client_id"))
                || !credentials.clientSecret().equals(form.get("client_secret"))) {
            return badRequest("BAD_CLIENT_ID", "missing or invalid client_id or client_secret");
        }
        if ("authorization_code".equals(grant)) {
            // The code is spent by this attempt whatever its outcome (ADR 0051).
            switch (codes.redeem(
                    form.get("code"),
                    form.get("client_id"),
                    form.get("redirect_uri"),
                    Optional.ofNullable(form.get("code_verifier")))) {
                case AuthorizationCodes.Redeemed.Granted granted -> {}
                case AuthorizationCodes.Redeemed.RedirectMismatch mismatch -> {
                    return badRequest("BAD_REDIRECT_URI", "redirect_uri does not match initial redirect_uri");
                }
                case AuthorizationCodes.Redeemed.Unknown unknown -> {
                    return badRequest("BAD_AUTH_CODE", "missing or unknown auth code");
                }
                case AuthorizationCodes.Redeemed.Expired expired -> {
                    return badRequest("BAD_AUTH_CODE", "missing or unknown auth code");
                }
                case AuthorizationCodes.Redeemed.ClientMismatch mismatch -> {
                    return badRequest("BAD_AUTH_CODE", "missing or unknown auth code");
                }
                case AuthorizationCodes.Redeemed.VerifierMismatch mismatch -> {
                    return badRequest("BAD_AUTH_CODE", "missing or unknown auth code");
                }
            }
        } else if (!credentials.refreshToken().equals(form.get("refresh_token"))) {
            return badRequest("BAD_REFRESH_TOKEN", "missing or unknown refresh token");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "bearer");
        body.put("access_token", tokens.issue());
        body.put("refresh_token", credentials.refreshToken());
        body.put("expires_in", tokens.lifetime().toSeconds());
        body.put("hub_id", credentials.portalId());
        body.put("user_id", HubSpotOwners.userId(0));
        body.put("scopes", SCOPES);
        body.put("token_use", "access_token");
        return Reply.json(200, body);
    }

    Reply accessTokenInfo(String token) {
        if (!(tokens.check(token) instanceof HubSpotTokens.Check.Valid)) {
            return HubSpotErrors.notFound();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("user", "integration@scoreline-sim.example");
        body.put("hub_domain", "scoreline-sim.example");
        body.put("scopes", SCOPES);
        body.put("hub_id", credentials.portalId());
        body.put("app_id", credentials.appId());
        body.put("expires_in", tokens.lifetime().toSeconds());
        body.put("user_id", HubSpotOwners.userId(0));
        body.put("token_type", "access");
        return Reply.json(200, body);
    }

    private static Reply badRequest(String status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("message", message);
        body.put("correlationId", UUID.randomUUID().toString());
        return Reply.json(400, body);
    }
}
