package io.scoreline.sim;

import java.net.URI;

/**
 * How to connect to the simulated HubSpot portal: one base URL for every API, an OAuth app (client id,
 * secret, refresh token; the secret also signs webhooks) and a private-app token.
 */
public record HubSpotConnection(
        URI baseUrl,
        long portalId,
        long appId,
        String clientId,
        String clientSecret,
        String refreshToken,
        String privateAppToken) {}
