package io.scoreline.app.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.pipeline.inbox.InboxSettings;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.inbox.WebhookRoutes;
import io.scoreline.pipeline.integrations.IntegrationStore;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /webhooks/hubspot}: HubSpot webhook batches, signed with v3 over the public URL
 * ({@code SCORELINE_PUBLIC_BASE_URL}), committed to the inbox before the 2xx answer.
 */
@Controller("/webhooks/hubspot")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HubSpotWebhookController {

    private final HubSpotWebhookReceiver receiver;
    private final WebhookMetrics metrics;
    private final ScorelineConfig config;

    public HubSpotWebhookController(WebhookRoutes routes, IntegrationStore integrations, InboxStore inbox, InboxWorkers workers,
            InboxSettings inboxSettings, ScorelineConfig config, PrometheusMeterRegistry registry, Clock clock) {
        this.receiver = new HubSpotWebhookReceiver(routes, new WebhookSecrets(integrations, clock), inbox, workers::nudge,
                inboxSettings.coalesceWindow(), clock);
        this.metrics = new WebhookMetrics(registry);
        this.config = config;
    }

    @Post(consumes = MediaType.ALL, produces = MediaType.TEXT_PLAIN)
    public HttpResponse<String> receive(HttpRequest<?> request, @Body @Nullable byte[] body,
            @Header("X-HubSpot-Signature-v3") @Nullable String signature,
            @Header("X-HubSpot-Request-Timestamp") @Nullable String timestamp) {
        var bytes = body == null ? new byte[0] : body;
        WebhookOutcome outcome = bytes.length > config.webhooks().maxBytes()
                ? new WebhookOutcome.TooLarge(config.webhooks().maxBytes())
                : receiver.receive(request.getMethodName(), signedUri(request), Optional.ofNullable(signature),
                        Optional.ofNullable(timestamp), bytes);
        metrics.record(CrmProvider.HUBSPOT, outcome);
        return switch (outcome) {
            case WebhookOutcome.Accepted accepted -> WebhookResponses.plain(HttpStatus.OK,
                    "accepted " + accepted.events() + " (" + accepted.inserted() + " new)");
            case WebhookOutcome.Dropped dropped -> WebhookResponses.plain(HttpStatus.OK, "dropped " + dropped.events());
            default -> WebhookResponses.refused(outcome);
        };
    }

    /** The URL as HubSpot called it: what it signed. Behind a proxy only the configured public URL knows it. */
    private String signedUri(HttpRequest<?> request) {
        var query = request.getUri().getRawQuery();
        var pathAndQuery = request.getUri().getRawPath() + (query == null ? "" : "?" + query);
        return config.webhooks().publicBaseUrl().map(base -> base + pathAndQuery)
                .orElseGet(() -> "http://" + request.getHeaders().get("Host", String.class, "localhost") + pathAndQuery);
    }
}
