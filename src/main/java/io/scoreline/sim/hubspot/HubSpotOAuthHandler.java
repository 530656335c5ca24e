package io.scoreline.sim.hubspot;

import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code POST /oauth/v1/token} (and v3) refresh grants, and the access-token metadata endpoint. */
final class HubSpotOAuthHandler {

    static final List<String> SCOPES = List.of(
            "oauth",
            "crm.objects.deals.read",
            "crm.objects.owners.read",
            "crm.objects.contacts.read",
            "sales-email-read");

    private final HubSpotCredentials credentials;
    private final HubSpotTokens tokens;

    HubSpotOAuthHandler(HubSpotCredentials credentials, HubSpotTokens tokens) {
        this.credentials = credentials;
        this.tokens = tokens;
    }

    Reply token(SimRequest request) {
        Map<String, String> form = request.form();
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return badRequest("BAD_GRANT_TYPE", "unsupported grant_type: " + form.get("grant_type"));
        }
        if (!credentials.clientId().equals(form.get("client_id"))
                || !credentials.clientSecret().equals(form.get("client_secret"))) {
            return badRequest("BAD_CLIENT_ID", "missing or invalid client_id or client_secret");
        }
        if (!credentials.refreshToken().equals(form.get("refresh_token"))) {
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
