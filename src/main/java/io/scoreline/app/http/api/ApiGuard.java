package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteAttributes;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.ApiKeyAuthentication;
import io.scoreline.pipeline.access.Authentication;
import io.scoreline.pipeline.access.KeyRateLimiter;
import io.scoreline.pipeline.access.Scope;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate of every {@code /api/v1} request, before any endpoint runs: a valid key (401 otherwise),
 * within its rate (429 with Retry-After), of the endpoint's audience (404 otherwise, as if the
 * endpoint did not exist), with the endpoint's scope (403). A route without {@link ApiEndpoint}
 * is refused: an endpoint that forgot to declare its security is closed, not open. The caller is
 * left on the request as {@link #CALLER}. The key is never logged: only its id, once known.
 */
@ServerFilter(ApiGuard.PATTERN)
public class ApiGuard {

    public static final String PATTERN = "/api/v1/**";
    /** The request attribute holding the {@link ApiCaller}. */
    public static final String CALLER = "scoreline.api.caller";

    private static final Logger LOG = LoggerFactory.getLogger(ApiGuard.class);

    private final ApiKeyAuthentication authentication;
    private final KeyRateLimiter rateLimiter;
    private final int maxBodyBytes;

    public ApiGuard(ApiKeyAuthentication authentication, ScorelineConfig config, Clock clock) {
        this.authentication = authentication;
        this.rateLimiter =
                new KeyRateLimiter(config.api().ratePerSecond(), config.api().rateBurst(), clock);
        this.maxBodyBytes = config.api().maxBodyBytes();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> admit(HttpRequest<?> request) {
        var outcome = authentication.authenticate(request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION));
        ApiCaller caller;
        switch (outcome) {
            case Authentication.Refused refused -> {
                if (refused.keyId() >= 0) {
                    LOG.info("API key {} refused: {}", refused.keyId(), refused.reason());
                }
                return ApiErrors.unauthenticated(refused.reason() != Authentication.Reason.MISSING);
            }
            case Authentication.Authenticated authenticated -> caller = authenticated.caller();
        }
        var wait = rateLimiter.acquire(caller.keyId());
        if (wait.isPresent()) {
            return ApiErrors.respond(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "rate_limited",
                            "too many requests for this key; retry after "
                                    + wait.get().toSeconds() + " s",
                            null)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()));
        }
        var endpoint = RouteAttributes.getRouteMatch(request)
                .flatMap(match -> Optional.ofNullable(match.getAnnotationMetadata()))
                .flatMap(metadata ->
                        metadata.getAnnotation(ApiEndpoint.class) == null ? Optional.empty() : Optional.of(metadata));
        if (endpoint.isEmpty()) {
            // No route, or a route that declares no security: the same 404 either way.
            return ApiErrors.notFound();
        }
        var audience = endpoint.get()
                .enumValue(ApiEndpoint.class, "audience", Audience.class)
                .orElse(Audience.ORGANIZATION);
        var scope = endpoint.get().enumValue(ApiEndpoint.class, "scope", Scope.class);
        if (scope.isEmpty() || !admits(audience, caller)) {
            return ApiErrors.notFound();
        }
        if (!caller.scope().covers(scope.get())) {
            return ApiErrors.forbidden(scope.get().key());
        }
        var length = request.getContentLength();
        if (length > maxBodyBytes) {
            return ApiErrors.respond(
                    HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    "too_large",
                    "the body is " + length + " bytes; at most " + maxBodyBytes + " are accepted",
                    null);
        }
        request.setAttribute(CALLER, caller);
        return null;
    }

    /**
     * Errors Micronaut answers by itself (a body over the server's limit, an unsupported media
     * type) come out in the API's one format too.
     */
    @ResponseFilter
    public void oneErrorFormat(MutableHttpResponse<?> response) {
        if (response.getStatus().getCode() >= 400 && !(response.getBody().orElse(null) instanceof ApiErrorBody)) {
            response.contentType(MediaType.APPLICATION_JSON_TYPE);
            ((MutableHttpResponse<Object>) response).body(ApiErrors.forStatus(response.getStatus()));
        }
    }

    private static boolean admits(Audience audience, ApiCaller caller) {
        return switch (audience) {
            case ANY -> true;
            case ORGANIZATION -> caller instanceof ApiCaller.OrganizationKey;
            case PLATFORM -> caller instanceof ApiCaller.PlatformKey;
        };
    }
}
