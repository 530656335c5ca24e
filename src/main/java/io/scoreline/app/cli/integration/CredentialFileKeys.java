package io.scoreline.app.cli.integration;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys a credentials file may hold, by provider and login flow. A key outside them is an
 * error, not something to ignore: a misspelt {@code refresh_tokn} would otherwise surface as a
 * confusing "missing credentials", and a stray secret would sit unused in a file that gets copied
 * around.
 */
final class CredentialFileKeys {

    private static final List<String> REFRESH_TOKEN = List.of("client_id", "client_secret", "refresh_token");
    private static final List<String> CLIENT_CREDENTIALS = List.of("client_id", "client_secret");
    private static final List<String> JWT_BEARER =
            List.of("client_id", "jwt_username", "username", "jwt_key_file", "private_key_file", "private_key");
    private static final List<String> PRIVATE_APP = List.of("private_app_token", "access_token");

    private CredentialFileKeys() {}

    /** Before the flow is known: every key must belong to some flow of the provider. */
    static void requireKnown(CrmProvider provider, Set<String> keys, Path file) {
        var allowed = switch (provider) {
            case SALESFORCE -> union(REFRESH_TOKEN, CLIENT_CREDENTIALS, JWT_BEARER);
            case HUBSPOT -> union(REFRESH_TOKEN, PRIVATE_APP);
        };
        for (var key : keys) {
            if (!allowed.contains(key)) {
                throw ScorelineException.badInput("unknown key '" + key + "' in credentials file " + file + ": "
                        + provider.key() + " takes " + flows(provider));
            }
        }
    }

    /** Once the flow is chosen: every key must belong to it. */
    static void requireUsedBy(CrmCredentials credentials, CrmProvider provider, Set<String> keys, Path file) {
        var allowed = keysOf(credentials);
        for (var key : keys) {
            if (!allowed.contains(key)) {
                throw ScorelineException.badInput("unknown key '" + key + "' in credentials file " + file + " for the "
                        + provider.key() + " " + flowName(credentials) + ", which takes " + String.join(", ", allowed));
            }
        }
    }

    private static String flows(CrmProvider provider) {
        var flows = switch (provider) {
            case SALESFORCE ->
                List.of(
                        String.join(", ", REFRESH_TOKEN) + " (refresh-token login)",
                        String.join(", ", CLIENT_CREDENTIALS) + " (client-credentials login)",
                        String.join(", ", JWT_BEARER) + " (JWT bearer login)");
            case HUBSPOT ->
                List.of(
                        String.join(", ", REFRESH_TOKEN) + " (public app)",
                        String.join(" or ", PRIVATE_APP) + " (private app)");
        };
        return String.join("; or ", flows);
    }

    private static List<String> keysOf(CrmCredentials credentials) {
        return switch (credentials) {
            case CrmCredentials.RefreshToken r -> REFRESH_TOKEN;
            case CrmCredentials.ClientCredentials c -> CLIENT_CREDENTIALS;
            case CrmCredentials.JwtBearer j -> JWT_BEARER;
            case CrmCredentials.PrivateAppToken p -> PRIVATE_APP;
        };
    }

    private static String flowName(CrmCredentials credentials) {
        return switch (credentials) {
            case CrmCredentials.RefreshToken r -> "refresh-token login";
            case CrmCredentials.ClientCredentials c -> "client-credentials login";
            case CrmCredentials.JwtBearer j -> "JWT bearer login";
            case CrmCredentials.PrivateAppToken p -> "private app token";
        };
    }

    @SafeVarargs
    private static Set<String> union(List<String>... lists) {
        var all = new LinkedHashSet<String>();
        for (var list : lists) {
            all.addAll(new ArrayList<>(list));
        }
        return all;
    }
}
