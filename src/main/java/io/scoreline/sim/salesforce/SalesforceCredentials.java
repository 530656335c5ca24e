package io.scoreline.sim.salesforce;

/**
 * What a client needs to log in to the simulated org: connected-app client id and secret, a refresh
 * token, and the integration user's username (JWT bearer {@code sub}) and password.
 */
public record SalesforceCredentials(String clientId, String clientSecret, String refreshToken, String username,
        String password) {
}
