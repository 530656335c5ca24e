package io.scoreline.pipeline.integrations;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Credentials given as named values over the network (the admin API's {@code credentials}
 * object): the names of a credentials file, each login flow taking only its own, and no name that
 * points at a file. A caller on the network must not make the server read one of its files, so the
 * JWT key comes inline as {@code private_key} (the PEM text). A value outside the provider's flows
 * is an error naming it, never ignored: a misspelt {@code refresh_tokn} would otherwise surface as
 * a confusing "missing credentials". Messages name fields, never values.
 */
public final class CredentialFields {

    private static final List<String> REFRESH_TOKEN = List.of("client_id", "client_secret", "refresh_token");
    private static final List<String> CLIENT_CREDENTIALS = List.of("client_id", "client_secret");
    private static final List<String> JWT_BEARER = List.of("client_id", "jwt_username", "username", "private_key");
    private static final List<String> PRIVATE_APP = List.of("private_app_token", "access_token");

    private CredentialFields() {}

    /** Every name some login flow of {@code provider} takes. */
    public static Set<String> accepted(CrmProvider provider) {
        var names = new TreeSet<String>(REFRESH_TOKEN);
        switch (provider) {
            case SALESFORCE -> {
                names.addAll(CLIENT_CREDENTIALS);
                names.addAll(JWT_BEARER);
            }
            case HUBSPOT -> names.addAll(PRIVATE_APP);
        }
        return Set.copyOf(names);
    }

    /**
     * Refuses a name no flow of {@code provider} takes.
     *
     * @throws ScorelineException bad input naming the field and what the provider takes
     */
    public static String requireKnown(CrmProvider provider, String name) {
        if (!accepted(provider).contains(name)) {
            throw ScorelineException.badInput("unknown credential '" + name + "': " + provider.key() + " takes "
                    + String.join(", ", new TreeSet<>(accepted(provider)))
                    + (name.endsWith("_file") ? " (a JWT key goes inline as private_key, the PEM text)" : ""));
        }
        return name;
    }

    /**
     * The credentials the values make, with the login flow chosen as the CLI chooses it; every
     * value must belong to that flow.
     *
     * @throws ScorelineException bad input naming what is missing or does not belong
     */
    public static CrmCredentials resolve(CrmProvider provider, Map<String, String> given) {
        var values = new HashMap<String, String>();
        given.forEach((name, value) -> {
            requireKnown(provider, name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.strip());
            }
        });
        if (values.containsKey("access_token")) {
            values.putIfAbsent("private_app_token", values.get("access_token"));
        }
        var username = values.get("username");
        if (username != null) {
            values.putIfAbsent("jwt_username", username);
        }
        var credentials = choose(provider, values);
        if (!credentials.supports(provider)) {
            throw ScorelineException.badInput(provider.key() + " does not accept these credentials");
        }
        var flow = keysOf(credentials);
        for (var name : given.keySet()) {
            if (!flow.contains(name)) {
                throw ScorelineException.badInput("credential '" + name + "' does not belong to the " + provider.key()
                        + " " + flowName(credentials) + ", which takes " + String.join(", ", flow));
            }
        }
        return credentials;
    }

    private static CrmCredentials choose(CrmProvider provider, Map<String, String> v) {
        if (v.containsKey("private_app_token")) {
            return new CrmCredentials.PrivateAppToken(v.get("private_app_token"));
        }
        if (v.containsKey("private_key")) {
            requireAll(v, "JWT bearer login", "client_id", "jwt_username");
            return new CrmCredentials.JwtBearer(v.get("client_id"), v.get("jwt_username"), v.get("private_key"));
        }
        if (v.containsKey("jwt_username") && !v.containsKey("refresh_token") && !v.containsKey("client_secret")) {
            throw ScorelineException.badInput("missing credential: the JWT bearer login needs private_key (the PEM)");
        }
        if (v.containsKey("refresh_token")) {
            if (provider == CrmProvider.HUBSPOT) {
                // A HubSpot refresh needs the app's secret (Salesforce can be set up without one).
                requireAll(v, "hubspot refresh-token login", "client_id", "client_secret");
            }
            requireAll(v, "refresh-token login", "client_id");
            return new CrmCredentials.RefreshToken(v.get("client_id"), v.get("client_secret"), v.get("refresh_token"));
        }
        if (v.containsKey("client_id") && v.containsKey("client_secret")) {
            return new CrmCredentials.ClientCredentials(v.get("client_id"), v.get("client_secret"));
        }
        throw ScorelineException.badInput("missing credentials: give client_id with refresh_token (and client_secret), "
                + "client_id with client_secret (client credentials), client_id with jwt_username and private_key "
                + "(JWT bearer), or private_app_token");
    }

    private static void requireAll(Map<String, String> values, String flow, String... names) {
        for (var name : names) {
            if (!values.containsKey(name)) {
                throw ScorelineException.badInput("missing credential: the " + flow + " needs " + name);
            }
        }
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
}
