package io.scoreline.sim.hubspot;

/** The simulated portal's app credentials and its private-app token. */
public record HubSpotCredentials(
        long portalId, long appId, String clientId, String clientSecret, String refreshToken, String privateAppToken) {}
