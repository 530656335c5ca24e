package io.scoreline.sim;

import java.net.URI;

/**
 * How to connect to the simulated Salesforce org: the base URL serves as login URL and instance URL.
 *
 * @param orgId 18-character organization id, as in the token's identity URL and outbound messages
 */
public record SalesforceConnection(
        URI loginUrl,
        URI instanceUrl,
        String clientId,
        String clientSecret,
        String refreshToken,
        String username,
        String password,
        String orgId,
        String jwtPrivateKeyPem) {}
