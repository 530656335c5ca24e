package io.scoreline.app.cli.integration;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Credentials given on the command line or, better (no secrets in shell history or {@code ps}),
 * in a properties file with the same names: {@code client_id}, {@code client_secret},
 * {@code refresh_token}, {@code private_app_token} (or {@code access_token}, as HubSpot names a
 * private app's token), {@code jwt_username}, {@code jwt_key_file}; for the JWT bearer login the
 * file may also say {@code username}, {@code private_key_file} or give the PEM itself as
 * {@code private_key} (lines joined with {@code \n}).
 */
final class CredentialsInput {

    static final int MAX_FILE_BYTES = 64 * 1024;

    @Option(names = "--client-id", description = "OAuth client id (connected app / public app)")
    String clientId;

    @Option(names = "--client-secret", description = "OAuth client secret")
    String clientSecret;

    @Option(names = "--refresh-token", description = "OAuth refresh token")
    String refreshToken;

    @Option(names = "--private-app-token", description = "HubSpot private app access token")
    String privateAppToken;

    @Option(names = "--jwt-username", description = "Salesforce user for the JWT bearer flow")
    String jwtUsername;

    @Option(names = "--jwt-key-file", paramLabel = "FILE", description = "PEM private key for the JWT bearer flow")
    Path jwtKeyFile;

    @Option(
            names = "--credentials-file",
            paramLabel = "FILE",
            description = "Properties file with the credentials (keeps secrets out of shell history)")
    Path credentialsFile;

    CrmCredentials resolve(CrmProvider provider) {
        var values = new HashMap<String, String>();
        Set<String> fileKeys = Set.of();
        if (credentialsFile != null) {
            if (clientId != null
                    || clientSecret != null
                    || refreshToken != null
                    || privateAppToken != null
                    || jwtUsername != null
                    || jwtKeyFile != null) {
                throw ScorelineException.badInput(
                        "give credentials either as options or in --credentials-file, not both");
            }
            values.putAll(readFile(credentialsFile));
            fileKeys = Set.copyOf(values.keySet());
            CredentialFileKeys.requireKnown(provider, fileKeys, credentialsFile);
        } else {
            put(values, "client_id", clientId);
            put(values, "client_secret", clientSecret);
            put(values, "refresh_token", refreshToken);
            put(values, "private_app_token", privateAppToken);
            put(values, "jwt_username", jwtUsername);
            put(values, "jwt_key_file", jwtKeyFile == null ? null : jwtKeyFile.toString());
        }
        // HubSpot calls a private app's token its access token; both names are accepted.
        if (values.containsKey("access_token")) {
            values.putIfAbsent("private_app_token", values.get("access_token"));
        }
        if (provider == CrmProvider.HUBSPOT
                && values.containsKey("refresh_token")
                && !values.containsKey("private_app_token")) {
            // A HubSpot refresh needs the app's secret (Salesforce can be set up without one).
            requireAll(values, "hubspot refresh-token login", "client_id", "client_secret");
        }
        var credentials = choose(values);
        if (!credentials.supports(provider)) {
            throw ScorelineException.badInput(
                    provider.key() + " does not accept these credentials; " + expected(provider));
        }
        if (credentialsFile != null) {
            CredentialFileKeys.requireUsedBy(credentials, provider, fileKeys, credentialsFile);
        }
        return credentials;
    }

    private static CrmCredentials choose(Map<String, String> v) {
        if (v.containsKey("private_app_token")) {
            return new CrmCredentials.PrivateAppToken(v.get("private_app_token"));
        }
        alias(v, "private_key_file", "jwt_key_file");
        alias(v, "username", "jwt_username");
        if (v.containsKey("jwt_key_file") || v.containsKey("private_key")) {
            requireAll(v, "JWT bearer login", "client_id", "jwt_username");
            var pem = v.containsKey("private_key")
                    ? v.get("private_key")
                    : readText(Path.of(v.get("jwt_key_file")), "JWT key file");
            return new CrmCredentials.JwtBearer(v.get("client_id"), v.get("jwt_username"), pem);
        }
        if (v.containsKey("jwt_username") && !v.containsKey("refresh_token") && !v.containsKey("client_secret")) {
            throw ScorelineException.badInput("missing credentials: the JWT bearer login needs --jwt-key-file "
                    + "(private_key_file= or private_key= in a credentials file)");
        }
        if (v.containsKey("refresh_token")) {
            requireAll(v, "refresh-token login", "client_id");
            return new CrmCredentials.RefreshToken(v.get("client_id"), v.get("client_secret"), v.get("refresh_token"));
        }
        if (v.containsKey("client_id") && v.containsKey("client_secret")) {
            return new CrmCredentials.ClientCredentials(v.get("client_id"), v.get("client_secret"));
        }
        throw ScorelineException.badInput(
                "missing credentials: give --client-id with --refresh-token (and --client-secret), "
                        + "--client-id with --client-secret (client credentials), --jwt-username with --jwt-key-file and --client-id, "
                        + "or --private-app-token; or put them in --credentials-file");
    }

    private static String expected(CrmProvider provider) {
        return switch (provider) {
            case SALESFORCE -> "use a refresh token, client credentials or a JWT bearer key";
            case HUBSPOT ->
                "use client_id, client_secret and refresh_token (public app) or private_app_token / access_token (private app)";
        };
    }

    private static void requireAll(Map<String, String> values, String flow, String... keys) {
        for (var key : keys) {
            if (!values.containsKey(key)) {
                throw ScorelineException.badInput(
                        "missing credentials: the " + flow + " needs " + key + " (--" + key.replace('_', '-') + ")");
            }
        }
    }

    /** The credentials file accepts Salesforce's own names too (private_key_file, username). */
    private static void alias(Map<String, String> values, String alias, String name) {
        var value = values.remove(alias);
        if (value != null) {
            values.putIfAbsent(name, value);
        }
    }

    private static void put(Map<String, String> values, String key, String value) {
        if (value != null && !value.isBlank()) {
            values.put(key, value.strip());
        }
    }

    private static Map<String, String> readFile(Path file) {
        var properties = new DuplicateRefusingProperties(file);
        try (var in = Files.newInputStream(file)) {
            // Read at most one byte past the limit: a device or a huge file is never read whole.
            var bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw ScorelineException.badInput("credentials file " + file + " is larger than 64 KiB: it holds a few "
                        + "keys (put a PEM key in private_key_file, not inline)");
            }
            properties.load(new StringReader(StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString()));
        } catch (IOException e) {
            throw unreadable(file, "credentials file", e);
        }
        var values = new HashMap<String, String>();
        for (var name : properties.stringPropertyNames()) {
            put(values, name.strip().toLowerCase(java.util.Locale.ROOT), properties.getProperty(name));
        }
        return values;
    }

    /** Properties keep the last of two equal keys without a word; a credentials file must not say two things. */
    private static final class DuplicateRefusingProperties extends Properties {

        private final transient Path file;
        private final transient Set<String> seen = new HashSet<>();

        DuplicateRefusingProperties(Path file) {
            this.file = file;
        }

        @Override
        public synchronized Object put(Object key, Object value) {
            var name = key.toString().strip().toLowerCase(java.util.Locale.ROOT);
            if (!seen.add(name)) {
                throw ScorelineException.badInput("duplicate key '" + name + "' in credentials file " + file);
            }
            return super.put(key, value);
        }
    }

    private static String readText(Path file, String what) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(file, what, e);
        }
    }

    private static ScorelineException unreadable(Path file, String what, IOException e) {
        var reason = switch (e) {
            case NoSuchFileException n -> "no such file";
            case AccessDeniedException a -> "permission denied";
            default -> e.getMessage();
        };
        return ScorelineException.badInput("cannot read " + what + " " + file + ": " + reason);
    }
}
