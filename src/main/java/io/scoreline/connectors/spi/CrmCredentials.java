package io.scoreline.connectors.spi;

import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import java.util.Objects;

/**
 * The secrets a connector logs in with. They exist in plaintext only in memory: the pipeline
 * encrypts them before they reach the database. {@code toString} never shows a secret.
 */
public sealed interface CrmCredentials {

    /** Which providers accept this kind of login. */
    boolean supports(CrmProvider provider);

    /** OAuth refresh-token flow (Salesforce connected app, HubSpot public app). */
    record RefreshToken(String clientId, String clientSecret, String refreshToken) implements CrmCredentials {
        public RefreshToken {
            requireText(clientId, "client id");
            requireText(refreshToken, "refresh token");
        }

        @Override
        public boolean supports(CrmProvider provider) {
            return true;
        }

        @Override
        public String toString() {
            return "RefreshToken[clientId=" + clientId + ", clientSecret=***, refreshToken=***]";
        }
    }

    /** Salesforce client-credentials flow (an integration user behind a connected app). */
    record ClientCredentials(String clientId, String clientSecret) implements CrmCredentials {
        public ClientCredentials {
            requireText(clientId, "client id");
            requireText(clientSecret, "client secret");
        }

        @Override
        public boolean supports(CrmProvider provider) {
            return provider == CrmProvider.SALESFORCE;
        }

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    /** Salesforce JWT bearer flow: a certificate-signed assertion for a named user. */
    record JwtBearer(String clientId, String username, String privateKeyPem) implements CrmCredentials {
        public JwtBearer {
            requireText(clientId, "client id");
            requireText(username, "JWT username");
            requireText(privateKeyPem, "JWT private key");
        }

        @Override
        public boolean supports(CrmProvider provider) {
            return provider == CrmProvider.SALESFORCE;
        }

        @Override
        public String toString() {
            return "JwtBearer[clientId=" + clientId + ", username=" + username + ", privateKeyPem=***]";
        }
    }

    /** HubSpot private-app access token. */
    record PrivateAppToken(String token) implements CrmCredentials {
        public PrivateAppToken {
            requireText(token, "private app token");
        }

        @Override
        public boolean supports(CrmProvider provider) {
            return provider == CrmProvider.HUBSPOT;
        }

        @Override
        public String toString() {
            return "PrivateAppToken[token=***]";
        }
    }

    private static void requireText(String value, String what) {
        if (Objects.requireNonNullElse(value, "").isBlank()) {
            throw ScorelineException.badInput("missing " + what);
        }
    }
}
