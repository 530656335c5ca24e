package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.failure.FailureKind;
import io.scoreline.connectors.spi.QuotaSnapshot;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HubSpot's REST API for one connection: every call waits for the portal's rate limiter, carries
 * a bearer token, is counted, and is retried when the failure is transient (5xx, timeouts: with
 * exponential backoff and jitter; 429: after {@code Retry-After}, up to a limit, then the run stops
 * as partial). A 401 renews an OAuth token once and repeats the call.
 */
final class HubSpotApi {

    private static final Logger LOG = LoggerFactory.getLogger(HubSpotApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI baseUrl;
    private final HubSpotAuth auth;
    private final HubSpotRateLimiter limiter;
    private final HubSpotOptions options;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicReference<QuotaSnapshot> quota = new AtomicReference<>();

    HubSpotApi(HttpClient http, URI baseUrl, HubSpotAuth auth, HubSpotRateLimiter limiter, HubSpotOptions options) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.auth = auth;
        this.limiter = limiter;
        this.options = options;
    }

    JsonNode get(String action, String pathAndQuery) {
        return call(action, false, HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    JsonNode post(String action, String pathAndQuery, Object body) {
        return call(action, pathAndQuery.contains("/search"), HttpRequest.newBuilder(uri(pathAndQuery))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body))));
    }

    long calls() {
        return calls.get();
    }

    /** 429 answers seen (and waited out) so far. */
    long throttled() {
        return throttled.get();
    }

    Optional<QuotaSnapshot> quota() {
        return Optional.ofNullable(quota.get());
    }

    HubSpotAuth auth() {
        return auth;
    }

    URI baseUrl() {
        return baseUrl;
    }

    private JsonNode call(String action, boolean isSearch, HttpRequest.Builder builder) {
        builder.timeout(options.requestTimeout()).header("Accept", "application/json");
        int failures = 0;
        int limited = 0;
        boolean renewed = false;
        while (true) {
            limiter.acquire(isSearch);
            var token = auth.token();
            calls.incrementAndGet();
            HttpResponse<String> response;
            try {
                response = http.send(builder.copy().header("Authorization", "Bearer " + token).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (++failures >= options.retryAttempts()) {
                    throw new ScorelineException(FailureKind.RETRYABLE, "hubspot " + action + " failed after " + failures
                            + " attempts: " + HubSpotFailures.oneLine(String.valueOf(e)), e);
                }
                LOG.debug("hubspot {}: {}; retrying", action, e.toString());
                HubSpotRateLimiter.sleep(backoffNanos(options, failures));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScorelineException(FailureKind.RETRYABLE, "interrupted during hubspot " + action, e);
            }
            if (!isSearch) {
                limiter.observe(response.headers());
                recordQuota(response);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return parse(action, response.body());
            }
            var body = lenientJson(response.body());
            if (status == 401 && !renewed && auth.renewAfterRejection(token)) {
                renewed = true;
                continue;
            }
            if (status == 429) {
                throttled.incrementAndGet();
                if ("DAILY".equals(body.path("policyName").asText())) {
                    throw new ScorelineException(FailureKind.QUOTA, "hubspot " + action + " refused: the portal's daily API limit is spent; "
                            + "the next run continues from here");
                }
                if (++limited > options.rateLimitRetries()) {
                    throw new ScorelineException(FailureKind.QUOTA, "hubspot " + action + " still rate limited after " + limited
                            + " waits (" + body.path("policyName").asText("429") + "); the next run continues from here");
                }
                var wait = retryAfter(response).orElse(Duration.ofMillis(1000L * limited));
                LOG.debug("hubspot {}: 429 {}; waiting {}", action, body.path("policyName").asText(), wait);
                limiter.pause(wait);
                continue;
            }
            if (status / 100 == 5 || status == 408) {
                if (++failures >= options.retryAttempts()) {
                    throw HubSpotFailures.of(action + " (after " + failures + " attempts)", status, body);
                }
                HubSpotRateLimiter.sleep(backoffNanos(options, failures));
                continue;
            }
            throw HubSpotFailures.of(action, status, body);
        }
    }

    private void recordQuota(HttpResponse<String> response) {
        var headers = response.headers();
        var daily = headers.firstValueAsLong("X-HubSpot-RateLimit-Daily");
        var remaining = headers.firstValueAsLong("X-HubSpot-RateLimit-Daily-Remaining");
        if (daily.isPresent() && remaining.isPresent()) {
            quota.set(new QuotaSnapshot(Math.max(0, daily.getAsLong() - remaining.getAsLong()), daily.getAsLong()));
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** Exponential backoff with full jitter between half and all of the doubled wait. */
    static long backoffNanos(HubSpotOptions options, int attempt) {
        long base = options.retryInitialBackoff().toNanos() << Math.min(attempt - 1, 10);
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "cannot write a hubspot request body", e);
        }
    }

    private static JsonNode parse(String action, String body) {
        try {
            var node = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
            if (!node.isObject()) {
                throw new ScorelineException(FailureKind.BAD_INPUT, "hubspot " + action + " answered with malformed JSON: not an object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "hubspot " + action + " answered with malformed JSON: "
                    + HubSpotFailures.oneLine(e.getOriginalMessage()));
        }
    }

    /** An error body, or an empty object when it is not JSON (a proxy's HTML page). */
    static JsonNode lenientJson(String body) {
        try {
            var node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }
}
