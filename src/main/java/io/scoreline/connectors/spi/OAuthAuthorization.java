package io.scoreline.connectors.spi;

import io.scoreline.mappings.CrmProvider;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One CRM's OAuth authorization-code flow (ADR 0051): where the browser is sent to ask the CRM's
 * user for consent, and the exchange of the code the CRM sends back for a refresh token. The
 * pipeline decides when; this knows the CRM's URLs, parameters and error bodies.
 */
public interface OAuthAuthorization {

    CrmProvider provider();

    /** Whether the CRM takes a PKCE (S256) challenge with the code; the verifier must then be kept. */
    boolean usesPkce();

    /**
     * The CRM's authorize page for these integration settings (the account's login or API URL).
     *
     * @param codeChallenge present exactly when {@link #usesPkce()}
     */
    URI authorizeUri(
            Map<String, String> settings, OAuthApp app, URI redirectUri, String state, Optional<String> codeChallenge);

    /**
     * Exchanges the code for the credentials the connector logs in with. A code the CRM refuses is
     * an {@link io.scoreline.failure.FailureKind#AUTH} failure whose message quotes the CRM's error;
     * an unreachable CRM is {@link io.scoreline.failure.FailureKind#RETRYABLE}.
     */
    CrmCredentials.RefreshToken exchange(
            Map<String, String> settings, OAuthApp app, URI redirectUri, String code, Optional<String> codeVerifier);
}
