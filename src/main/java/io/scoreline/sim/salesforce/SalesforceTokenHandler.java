package io.scoreline.sim.salesforce;

import io.scoreline.sim.http.JsonCodec;
import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import io.scoreline.sim.oauth.AuthorizationCodes;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /services/oauth2/token} and {@code /services/oauth2/revoke}: refresh-token,
 * client-credentials, JWT-bearer, password and authorization-code grants with Salesforce's response and error shapes.
 */
final class SalesforceTokenHandler {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final SalesforceCredentials credentials;
    private final SalesforceTokens tokens;
    private final Clock clock;
    private final String orgId;
    private final Supplier<URI> baseUri;
    private final Function<String, Optional<String>> userIdByUsername;
    private final AuthorizationCodes codes;

    SalesforceTokenHandler(
            SalesforceCredentials credentials,
            SalesforceTokens tokens,
            Clock clock,
            String orgId,
            Supplier<URI> baseUri,
            Function<String, Optional<String>> userIdByUsername,
            AuthorizationCodes codes) {
        this.credentials = credentials;
        this.tokens = tokens;
        this.clock = clock;
        this.orgId = orgId;
        this.baseUri = baseUri;
        this.userIdByUsername = userIdByUsername;
        this.codes = codes;
    }

    Reply token(SimRequest request) {
        Map<String, String> form = request.form();
        String grant = form.get("grant_type");
        if (grant == null) {
            return SalesforceErrors.oauth("invalid_request", "grant type is missing");
        }
        if (!credentials.clientId().equals(form.get("client_id")) && !grant.equals(JWT_BEARER)) {
            return SalesforceErrors.oauth("invalid_client_id", "client identifier invalid");
        }
        return switch (grant) {
            case "refresh_token" -> refresh(form);
            case "client_credentials" -> clientCredentials(form);
            case "password" -> password(form);
            case "authorization_code" -> authorizationCode(form);
            case JWT_BEARER -> jwtBearer(form);
            default -> SalesforceErrors.oauth("unsupported_grant_type", "grant type not supported");
        };
    }

    Reply revoke(SimRequest request) {
        String token =
                request.queryParam("token").orElseGet(() -> request.form().getOrDefault("token", ""));
        return tokens.revoke(token, credentials.refreshToken())
                ? Reply.empty(200)
                : SalesforceErrors.oauth("invalid_token", "invalid token");
    }

    private Reply refresh(Map<String, String> form) {
        String secret = form.get("client_secret");
        if (secret != null && !secret.equals(credentials.clientSecret())) {
            return SalesforceErrors.oauth("invalid_client", "invalid client credentials");
        }
        if (!credentials.refreshToken().equals(form.get("refresh_token")) || tokens.refreshTokenRevoked()) {
            return SalesforceErrors.oauth("invalid_grant", "expired access/refresh token");
        }
        return issued(SalesforceRecords.integrationUserId());
    }

    private Reply clientCredentials(Map<String, String> form) {
        if (!credentials.clientSecret().equals(form.get("client_secret"))) {
            return SalesforceErrors.oauth("invalid_client", "invalid client credentials");
        }
        return issued(SalesforceRecords.integrationUserId());
    }

    private Reply password(Map<String, String> form) {
        if (!credentials.clientSecret().equals(form.get("client_secret"))) {
            return SalesforceErrors.oauth("invalid_client", "invalid client credentials");
        }
        if (!credentials.username().equals(form.get("username"))
                || !credentials.password().equals(form.get("password"))) {
            return SalesforceErrors.oauth("invalid_grant", "authentication failure");
        }
        return issued(SalesforceRecords.integrationUserId());
    }

    /**
     * The web-server flow's code exchange (ADR 0051): the code is bound to the client, the callback
     * URL and the PKCE challenge it was issued for, and spent by this attempt whatever its outcome.
     * The answer carries the refresh token the other grants then log in with.
     */
    private Reply authorizationCode(Map<String, String> form) {
        String secret = form.get("client_secret");
        if (secret != null && !secret.equals(credentials.clientSecret())) {
            return SalesforceErrors.oauth("invalid_client", "invalid client credentials");
        }
        return switch (codes.redeem(
                form.get("code"),
                form.get("client_id"),
                form.get("redirect_uri"),
                Optional.ofNullable(form.get("code_verifier")))) {
            case AuthorizationCodes.Redeemed.Granted granted ->
                issued(SalesforceRecords.integrationUserId(), Optional.of(credentials.refreshToken()));
            case AuthorizationCodes.Redeemed.Unknown unknown ->
                SalesforceErrors.oauth("invalid_grant", "invalid authorization code");
            case AuthorizationCodes.Redeemed.Expired expired ->
                SalesforceErrors.oauth("invalid_grant", "expired authorization code");
            case AuthorizationCodes.Redeemed.ClientMismatch mismatch ->
                SalesforceErrors.oauth("invalid_grant", "invalid authorization code");
            case AuthorizationCodes.Redeemed.RedirectMismatch mismatch ->
                SalesforceErrors.oauth("redirect_uri_mismatch", "redirect_uri must match configuration");
            case AuthorizationCodes.Redeemed.VerifierMismatch mismatch ->
                SalesforceErrors.oauth("invalid_grant", "invalid code verifier");
        };
    }

    /**
     * The assertion must be RS256-signed with the private key of the connected app's certificate
     * ({@link SalesforceCredentials#jwtKeys}). Camel pads base64url and writes {@code exp} as a
     * string, both accepted.
     */
    private Reply jwtBearer(Map<String, String> form) {
        String assertion = form.getOrDefault("assertion", "");
        String[] parts = assertion.split("\\.");
        Map<String, Object> claims;
        try {
            if (parts.length != 3) {
                return SalesforceErrors.oauth("invalid_grant", "invalid assertion");
            }
            Map<String, Object> header =
                    JsonCodec.readObject(Base64.getUrlDecoder().decode(parts[0]));
            claims = JsonCodec.readObject(Base64.getUrlDecoder().decode(parts[1]));
            if (!"RS256".equals(header.get("alg"))) {
                return SalesforceErrors.oauth("invalid_grant", "invalid assertion");
            }
            if (!signedByConnectedApp(
                    assertion.substring(0, assertion.lastIndexOf('.')),
                    Base64.getUrlDecoder().decode(parts[2]))) {
                // Salesforce says no more than this; the signature did not verify against the app's certificate.
                return SalesforceErrors.oauth("invalid_grant", "invalid assertion");
            }
        } catch (IOException | IllegalArgumentException e) {
            return SalesforceErrors.oauth("invalid_grant", "invalid assertion");
        }
        if (!credentials.clientId().equals(claims.get("iss"))) {
            return SalesforceErrors.oauth("invalid_client_id", "client identifier invalid");
        }
        String audience = String.valueOf(claims.get("aud"));
        if (!audience.startsWith(baseUri.get().toString()) && !audience.contains(".salesforce.com")) {
            return SalesforceErrors.oauth("invalid_grant", "audience is invalid");
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(String.valueOf(claims.get("exp")));
        } catch (NumberFormatException e) {
            return SalesforceErrors.oauth("invalid_grant", "invalid assertion");
        }
        if (expiresAt * 1000 <= clock.millis()) {
            return SalesforceErrors.oauth("invalid_grant", "expired authorization code");
        }
        Optional<String> user = userIdByUsername.apply(String.valueOf(claims.get("sub")));
        return user.<Reply>map(this::issued)
                .orElseGet(() -> SalesforceErrors.oauth("invalid_grant", "user hasn't approved this consumer"));
    }

    private boolean signedByConnectedApp(String signedPart, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(credentials.jwtKeys().getPublic());
            verifier.update(signedPart.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
        }
    }

    private Reply issued(String userId) {
        return issued(userId, Optional.empty());
    }

    private Reply issued(String userId, Optional<String> refreshToken) {
        SalesforceSession session = tokens.issue(userId);
        String id = baseUri.get() + "/id/" + orgId + "/" + userId;
        String issuedAt = Long.toString(session.issuedAt().toEpochMilli());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", session.accessToken());
        refreshToken.ifPresent(token -> body.put("refresh_token", token));
        body.put("signature", signature(id + issuedAt));
        body.put("scope", "api refresh_token");
        body.put("instance_url", baseUri.get().toString());
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        return Reply.json(200, body);
    }

    private String signature(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(credentials.clientSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
