package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.connectors.spi.CredentialsSink;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The OAuth access token of one portal, shared by every connection to it in this process. The
 * token is refreshed ahead of its expiry, one refresh at a time (the monitor makes concurrent
 * callers wait for the refresh in flight and take its token). When HubSpot answers a refresh with
 * a different refresh token, the new one is used from then on and handed to the credentials sink
 * to be stored encrypted.
 */
final class HubSpotOAuthSession implements HubSpotAuth {

    private final HttpClient http;
    private final URI tokenUri;
    private final Clock clock;
    private final HubSpotOptions options;
    private final String clientId;
    private final String clientSecret;
    private final io.github.resilience4j.retry.Retry refreshRetry;
    /** Refresh tokens this session replaced: a connection opened with one of them must not undo a rotation. */
    private final Set<String> rotatedAway = new HashSet<>();

    private String refreshToken;
    private CredentialsSink sink = CredentialsSink.IGNORE;
    private String accessToken;
    private Instant refreshAt = Instant.MIN;
    private long hubId = -1;
    /** A rotation the sink has not taken yet (it failed): handed over again before the next call. */
    private CrmCredentials.RefreshToken unsaved;

    HubSpotOAuthSession(
            HttpClient http,
            URI baseUrl,
            Clock clock,
            HubSpotOptions options,
            CrmCredentials.RefreshToken credentials) {
        this.http = http;
        this.tokenUri = URI.create(baseUrl + "/oauth/v1/token");
        this.clock = clock;
        this.options = options;
        this.clientId = credentials.clientId();
        this.clientSecret = credentials.clientSecret();
        this.refreshToken = credentials.refreshToken();
        this.refreshRetry = HubSpotRetries.refreshes("hubspot-" + clientId, options);
    }

    boolean sameApp(CrmCredentials.RefreshToken credentials) {
        return clientId.equals(credentials.clientId()) && clientSecret.equals(credentials.clientSecret());
    }

    /**
     * A new connection brings the stored credentials and where to store rotated ones. A refresh
     * token this session already rotated away from is stale (read before the rotation was stored);
     * any other one is new (re-authorized) and replaces the session's.
     */
    synchronized void offer(CrmCredentials.RefreshToken credentials, CredentialsSink rotated) {
        sink = rotated;
        if (!credentials.refreshToken().equals(refreshToken) && !rotatedAway.contains(credentials.refreshToken())) {
            refreshToken = credentials.refreshToken();
            accessToken = null;
        }
    }

    @Override
    public synchronized String token() {
        if (accessToken == null || !clock.instant().isBefore(refreshAt)) {
            refresh();
        }
        if (unsaved != null) {
            save();
        }
        return accessToken;
    }

    @Override
    public synchronized boolean renewAfterRejection(String rejected) {
        if (rejected.equals(accessToken)) {
            accessToken = null;
        }
        return true;
    }

    @Override
    public synchronized OptionalLong hubId() {
        return hubId < 0 ? OptionalLong.empty() : OptionalLong.of(hubId);
    }

    private void refresh() {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("refresh_token", refreshToken);
        var body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(tokenUri)
                .timeout(options.requestTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        JsonNode answer = send(request);
        var token = answer.path("access_token").asText("");
        if (token.isEmpty() || !answer.has("expires_in")) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT, "hubspot token refresh answered without access_token/expires_in");
        }
        var lifetime = Duration.ofSeconds(answer.path("expires_in").asLong());
        // Refresh ahead of expiry, but never so early that a short-lived token is refreshed on every call.
        var margin = lifetime.dividedBy(2).compareTo(options.refreshBeforeExpiry()) < 0
                ? lifetime.dividedBy(2)
                : options.refreshBeforeExpiry();
        accessToken = token;
        refreshAt = clock.instant().plus(lifetime).minus(margin);
        if (answer.has("hub_id")) {
            hubId = answer.path("hub_id").asLong();
        }
        var next = answer.path("refresh_token").asText("");
        if (!next.isEmpty() && !next.equals(refreshToken)) {
            rotatedAway.add(refreshToken);
            refreshToken = next;
            unsaved = new CrmCredentials.RefreshToken(clientId, clientSecret, next);
        }
    }

    /** The old refresh token is dead now: until the new one is stored, no call goes out. */
    private void save() {
        sink.rotated(unsaved);
        unsaved = null;
    }

    private JsonNode send(HttpRequest request) {
        return refreshRetry.executeSupplier(() -> sendOnce(request));
    }

    private JsonNode sendOnce(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RefreshUnanswered("hubspot token refresh failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(FailureKind.RETRYABLE, "interrupted during the hubspot token refresh", e);
        }
        var body = HubSpotApi.lenientJson(response.body());
        if (response.statusCode() == 200) {
            return body;
        }
        var message = "hubspot token refresh failed: HTTP " + response.statusCode() + " "
                + body.path("status").asText(body.path("category").asText("")) + ": "
                + HubSpotFailures.oneLine(body.path("message").asText(""));
        if (response.statusCode() / 100 == 5) {
            throw new RefreshUnanswered(message, null);
        }
        // 400 BAD_REFRESH_TOKEN / BAD_CLIENT_ID: a person has to authorize the app again.
        throw new ScorelineException(
                response.statusCode() / 100 == 4 ? FailureKind.AUTH : FailureKind.RETRYABLE, message);
    }

    /**
     * The token endpoint did not answer, or answered 5xx: retried by {@link HubSpotRetries#refreshes}.
     * Its own type, so that the retries of the call that needed the token do not repeat it again.
     */
    static final class RefreshUnanswered extends ScorelineException {
        RefreshUnanswered(String message, Throwable cause) {
            super(FailureKind.RETRYABLE, message, cause);
        }
    }

    @Override
    public String toString() {
        return "HubSpotOAuthSession[clientId=" + clientId + ", tokens=***]";
    }
}
