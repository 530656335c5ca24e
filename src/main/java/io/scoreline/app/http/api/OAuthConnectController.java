package io.scoreline.app.http.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.connectors.spi.ConnectionOptions;
import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.access.ApiCaller;
import io.scoreline.pipeline.access.Scope;
import io.scoreline.pipeline.integrations.oauth.OAuthConnections;
import io.scoreline.pipeline.integrations.oauth.ReturnTarget;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code POST /api/v1/integrations/oauth}: the CRM's authorize URL for connecting an integration
 * through its OAuth flow (ADR 0051). Admin scope, as for adding one with credentials: the CRM
 * account it connects is this organization's from then on.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OAuthConnectController {

    /** The answer: open {@code authorize_url} in a browser before {@code expires_at}. */
    @Serdeable
    public record Started(
            @com.fasterxml.jackson.annotation.JsonProperty("authorize_url")
            String authorizeUrl,

            @com.fasterxml.jackson.annotation.JsonProperty("expires_at")
            String expiresAt,

            @com.fasterxml.jackson.annotation.JsonProperty("attempt_id")
            long attemptId) {}

    private final OAuthConnections connections;
    private final ScorelineConfig config;

    public OAuthConnectController(OAuthConnections connections, ScorelineConfig config) {
        this.connections = connections;
        this.config = config;
    }

    @Post(uri = "/integrations/oauth", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ApiEndpoint(
            scope = Scope.ADMIN,
            summary = "Connect a CRM through its OAuth flow: provider, login_url | base_url | portal_id, or"
                    + " integration_id to reconnect one, and return_to (a /console/ path); answers authorize_url"
                    + " to open within expires_at (10 minutes)",
            request = OAuthConnectRequest.class,
            example = "{\"provider\":\"salesforce\",\"login_url\":\"https://login.salesforce.com\"}")
    public HttpResponse<Started> start(
            HttpRequest<?> http,
            @RequestAttribute(ApiGuard.CALLER) ApiCaller.OrganizationKey caller,
            @Body @Nullable byte[] body) {
        var json = JsonBody.parse(body, config.api().maxBodyBytes(), OAuthConnectRequest.class);
        var provider = JsonBody.validated("provider", json.requiredText("provider"), CrmProvider::fromKey);
        var options = new ConnectionOptions(
                Optional.ofNullable(json.text("login_url")),
                Optional.ofNullable(json.text("base_url")),
                Optional.ofNullable(json.text("portal_id")));
        var reconnect = json.number("integration_id");
        if (reconnect != null
                && (options.loginUrl().isPresent()
                        || options.baseUrl().isPresent()
                        || options.portalId().isPresent())) {
            throw new ApiProblem(
                    io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid_input",
                    "a reconnection keeps the integration's settings: give integration_id alone",
                    "integration_id");
        }
        var returnTo = Optional.ofNullable(json.text("return_to"));
        returnTo.ifPresent(v -> JsonBody.validated("return_to", v, t -> ReturnTarget.parse(Optional.of(t))));
        if (reconnect == null) {
            var field = options.loginUrl().isPresent()
                    ? "login_url"
                    : options.baseUrl().isPresent()
                            ? "base_url"
                            : options.portalId().isPresent() ? "portal_id" : "provider";
            JsonBody.validated(field, "", ignored -> CrmProfiles.of(provider).newSettings(options));
        }
        var request = new OAuthConnections.StartRequest(
                provider, options, reconnect == null ? OptionalLong.empty() : OptionalLong.of(reconnect), returnTo);
        var started = connections.start(caller.organizationId(), request, serverBase(http), caller.actor());
        return HttpResponse.ok(new Started(
                started.authorizeUrl().toString(), started.expiresAt().toString(), started.attemptId()));
    }

    /** What the browser reaches this server at: the configured public URL, or the request's own host. */
    private URI serverBase(HttpRequest<?> http) {
        return config.webhooks().publicBaseUrl().orElseGet(() -> {
            var host = http.getHeaders().get("Host", String.class, "localhost");
            // The CRM refuses a callback it does not have registered; a bad Host must not make a 500 first.
            if (!host.matches("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?")) {
                throw new ApiProblem(
                        io.micronaut.http.HttpStatus.BAD_REQUEST,
                        "invalid_input",
                        "the Host header is not a host name; set SCORELINE_PUBLIC_BASE_URL",
                        null);
            }
            return URI.create("http://" + host);
        });
    }
}
