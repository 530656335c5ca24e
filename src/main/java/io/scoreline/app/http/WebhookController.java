package io.scoreline.app.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.connectors.spi.CrmProfile;
import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.connectors.spi.WebhookRequest;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.inbox.WebhookIntake;
import io.scoreline.pipeline.inbox.WebhookOutcome;
import io.scoreline.pipeline.integrations.EndpointSecret;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code POST /webhooks/{provider}}: the CRMs' webhooks, decoded and verified by the CRM's
 * connector profile and committed to the inbox before the 2xx answer (ADR 0005, 0028). A CRM
 * either posts to one URL that its signed requests route by account ({@code /webhooks/hubspot},
 * signed over the public URL {@code SCORELINE_PUBLIC_BASE_URL}), or to a URL per integration that
 * holds a secret ({@code /webhooks/salesforce/{integrationId}/{secret}}, ADR 0020), where the URL
 * without a secret answers exactly like a wrong one. The request path is never logged: no access
 * log is configured, and the log pattern masks the secret segment should a library log it.
 */
@Controller("/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
public class WebhookController {

    private final WebhookIntake receiver;
    private final WebhookMetrics metrics;
    private final ScorelineConfig config;
    private final Clock clock;

    public WebhookController(
            WebhookIntake intake, ScorelineConfig config, PrometheusMeterRegistry registry, Clock clock) {
        this.receiver = intake;
        this.metrics = new WebhookMetrics(registry);
        this.config = config;
        this.clock = clock;
    }

    @Post(
            uri = "/{provider}",
            consumes = MediaType.ALL,
            produces = {MediaType.TEXT_PLAIN, MediaType.TEXT_XML})
    public HttpResponse<String> receive(
            HttpRequest<?> request, @PathVariable String provider, @Body @Nullable byte[] body) {
        return answer(request, provider, Optional.empty(), Optional.empty(), body);
    }

    /** The endpoint of integrations before V14: it has no secret, so it is answered like a wrong one. */
    @Post(
            uri = "/{provider}/{integrationId}",
            consumes = MediaType.ALL,
            produces = {MediaType.TEXT_PLAIN, MediaType.TEXT_XML})
    public HttpResponse<String> receiveWithoutSecret(
            HttpRequest<?> request,
            @PathVariable String provider,
            @PathVariable String integrationId,
            @Body @Nullable byte[] body) {
        return answer(request, provider, Optional.of(integrationId), Optional.empty(), body);
    }

    @Post(
            uri = "/{provider}/{integrationId}/{secret}",
            consumes = MediaType.ALL,
            produces = {MediaType.TEXT_PLAIN, MediaType.TEXT_XML})
    public HttpResponse<String> receiveWithSecret(
            HttpRequest<?> request,
            @PathVariable String provider,
            @PathVariable String integrationId,
            @PathVariable String secret,
            @Body @Nullable byte[] body) {
        return answer(request, provider, Optional.of(integrationId), Optional.of(secret), body);
    }

    private HttpResponse<String> answer(
            HttpRequest<?> request,
            String providerKey,
            Optional<String> integrationId,
            Optional<String> secret,
            @Nullable byte[] body) {
        var profile = profileOf(providerKey);
        if (profile.isEmpty() || profile.get().webhooks().postsToIntegrationEndpoints() == integrationId.isEmpty()) {
            // No such endpoint, as before any provider had one: nothing is counted for a path no CRM posts to.
            return WebhookResponses.plain(HttpStatus.NOT_FOUND, "not found");
        }
        var bytes = body == null ? new byte[0] : body;
        var decoder = profile.get().webhooks();
        WebhookOutcome outcome = bytes.length > config.webhooks().maxBytes()
                ? new WebhookOutcome.TooLarge(config.webhooks().maxBytes())
                : receiver.receive(
                        profile.get().provider(),
                        new WebhookRequest(
                                request.getMethodName(),
                                signedUri(request),
                                name -> Optional.ofNullable(request.getHeaders().get(name)),
                                bytes,
                                integrationId,
                                secret,
                                clock.instant()));
        metrics.record(profile.get().provider(), outcome);
        return switch (outcome) {
            case WebhookOutcome.Accepted accepted -> reply(decoder.accepted(accepted.events(), accepted.inserted()));
            case WebhookOutcome.Dropped dropped -> reply(decoder.dropped(dropped.events()));
            default -> WebhookResponses.refused(outcome);
        };
    }

    /**
     * The path a CRM that posts to a URL per integration is to post to: what {@code integration add}
     * and {@code rotate-secret} show once.
     */
    public static String path(long integrationId, EndpointSecret secret) {
        var provider = CrmProfiles.all().stream()
                .filter(CrmProfile::usesEndpointSecret)
                .findFirst()
                .orElseThrow()
                .provider();
        return "/webhooks/" + provider.key() + "/" + integrationId + "/" + secret.text();
    }

    private static Optional<CrmProfile> profileOf(String key) {
        return Arrays.stream(CrmProvider.values())
                .filter(p -> p.key().equals(key))
                .findFirst()
                .map(CrmProfiles::of);
    }

    /** The URL as the CRM called it: what it signed. Behind a proxy only the configured public URL knows it. */
    private String signedUri(HttpRequest<?> request) {
        var query = request.getUri().getRawQuery();
        var pathAndQuery = request.getUri().getRawPath() + (query == null ? "" : "?" + query);
        return config.webhooks()
                .publicBaseUrl()
                .map(base -> base + pathAndQuery)
                .orElseGet(
                        () -> "http://" + request.getHeaders().get("Host", String.class, "localhost") + pathAndQuery);
    }

    private static HttpResponse<String> reply(io.scoreline.connectors.spi.WebhookReply reply) {
        return HttpResponse.<String>status(HttpStatus.OK)
                .contentType(MediaType.of(reply.contentType()))
                .body(reply.body());
    }
}
