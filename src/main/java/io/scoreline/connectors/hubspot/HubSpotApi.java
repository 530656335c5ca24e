package io.scoreline.connectors.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.scoreline.connectors.spi.QuotaSnapshot;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HubSpot's REST API for one connection. A call goes through its route ({@link HubSpotRoutes}),
 * inside the integration's circuit breaker and two Resilience4j retries: transient failures (5xx,
 * 408, timeouts, resets) with exponential backoff and jitter; 429 after {@code Retry-After}, which
 * the portal's rate limiter holds for every caller, up to a limit, then the run stops as partial.
 * Each attempt waits for the portal's rate limiter, carries a bearer token and is counted; a 401
 * renews an OAuth token once and repeats the request within the attempt.
 */
final class HubSpotApi {

    private static final Logger LOG = LoggerFactory.getLogger(HubSpotApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request of a route: what for, how, where, and its JSON body (POST only). */
    record Request(String action, String method, String pathAndQuery, String body, boolean search) {}

    private final HttpClient http;
    private final ProducerTemplate routes;
    private final URI baseUrl;
    private final HubSpotAuth auth;
    private final HubSpotRateLimiter limiter;
    private final HubSpotOptions options;
    private final HubSpotRetries retries;
    private final CircuitBreaker breaker;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicReference<QuotaSnapshot> quota = new AtomicReference<>();

    HubSpotApi(
            HttpClient http,
            ProducerTemplate routes,
            URI baseUrl,
            HubSpotAuth auth,
            HubSpotRateLimiter limiter,
            HubSpotOptions options,
            HubSpotRetries retries,
            CircuitBreaker breaker) {
        this.http = http;
        this.routes = routes;
        this.baseUrl = baseUrl;
        this.auth = auth;
        this.limiter = limiter;
        this.options = options;
        this.retries = retries;
        this.breaker = breaker;
    }

    JsonNode get(String route, String action, String pathAndQuery) {
        return call(route, new Request(action, "GET", pathAndQuery, null, false));
    }

    JsonNode post(String route, String action, String pathAndQuery, Object body) {
        return call(route, new Request(action, "POST", pathAndQuery, write(body), route.equals(HubSpotRoutes.SEARCH)));
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

    /** The route call inside the breaker and the retries; what finally failed, worded with its attempts. */
    private JsonNode call(String route, Request request) {
        try {
            return breaker.executeSupplier(() -> {
                try {
                    return retries.transientFailures()
                            .executeSupplier(() -> retries.rateLimits().executeSupplier(() -> attempt(route, request)));
                } catch (HubSpotFailures.Throttled e) {
                    throw e.afterWaits(options.rateLimitRetries() + 1);
                } catch (HubSpotFailures.Transient e) {
                    throw e.afterAttempts(options.retryAttempts());
                }
            });
        } catch (CallNotPermittedException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE,
                    "hubspot calls to " + baseUrl + " for this integration are paused after "
                            + "repeated failures (circuit open); the next run tries again",
                    e);
        }
    }

    private JsonNode attempt(String route, Request request) {
        Exchange exchange = routes.request(route, ex -> {
            ex.setProperty(HubSpotRoutes.CONNECTION, this);
            ex.getIn().setBody(request);
        });
        var failure = exchange.getException();
        if (failure == null) {
            return exchange.getMessage().getBody(JsonNode.class);
        }
        if (failure instanceof ScorelineException classified) {
            throw classified;
        }
        // Neither HubSpot's answer nor the network (those are classified in the step): a defect, never retried.
        throw new ScorelineException(
                FailureKind.BUG, "hubspot " + request.action() + " failed in its route: " + failure, failure);
    }

    /**
     * One attempt, the step of every route: pace, authorize, send, classify. A 401 renews an OAuth
     * token and repeats the request once; it is a new login, not a retry of a failure.
     */
    JsonNode send(Request request) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + request.pathAndQuery()))
                .timeout(options.requestTimeout())
                .header("Accept", "application/json");
        if (request.body() != null) {
            builder.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        }
        boolean renewed = false;
        while (true) {
            limiter.acquire(request.search());
            var token = auth.token();
            calls.incrementAndGet();
            HttpResponse<String> response;
            try {
                response = http.send(
                        builder.copy()
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                LOG.debug("hubspot {}: {}", request.action(), e.toString());
                throw HubSpotFailures.Transient.unanswered(request.action(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScorelineException(
                        FailureKind.RETRYABLE, "interrupted during hubspot " + request.action(), e);
            }
            if (!request.search()) {
                limiter.observe(response.headers());
                recordQuota(response);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return parse(request.action(), response.body());
            }
            var body = lenientJson(response.body());
            if (status == 401 && !renewed && auth.renewAfterRejection(token)) {
                renewed = true;
                continue;
            }
            if (status == 429) {
                throttled.incrementAndGet();
                if ("DAILY".equals(body.path("policyName").asText())) {
                    throw new ScorelineException(
                            FailureKind.QUOTA,
                            "hubspot " + request.action() + " refused: the portal's daily API "
                                    + "limit is spent; the next run continues from here");
                }
                LOG.debug(
                        "hubspot {}: 429 {}",
                        request.action(),
                        body.path("policyName").asText());
                throw new HubSpotFailures.Throttled(
                        request.action(), body.path("policyName").asText("429"), retryAfter(response));
            }
            if (status / 100 == 5 || status == 408) {
                throw HubSpotFailures.Transient.answered(request.action(), status, body);
            }
            throw HubSpotFailures.of(request.action(), status, body);
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
                throw new ScorelineException(
                        FailureKind.BAD_INPUT, "hubspot " + action + " answered with malformed JSON: not an object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT,
                    "hubspot " + action + " answered with malformed JSON: "
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
