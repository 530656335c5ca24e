package io.scoreline.sim.salesforce;

/**
 * What a client needs to log in to the simulated org: connected-app client id and secret, a refresh
 * token, the integration user's username (JWT bearer {@code sub}) and password, and the key pair of
 * the connected app's JWT certificate (assertions must verify against its public half).
 */
public record SalesforceCredentials(
        String clientId,
        String clientSecret,
        String refreshToken,
        String username,
        String password,
        java.security.KeyPair jwtKeys) {

    @Override
    public String toString() {
        return "SalesforceCredentials[clientId=" + clientId + ", username=" + username + ", secrets=***]";
    }
}
