package io.scoreline.app.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.core.annotation.Nullable;
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
import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.pipeline.inbox.InboxSettings;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.inbox.WebhookRoutes;
import java.time.Clock;

/**
 * {@code POST /webhooks/salesforce/{integrationId}}: Salesforce outbound messages, acknowledged
 * with a SOAP {@code Ack} only after their notifications are committed to the inbox; without the
 * Ack Salesforce delivers the message again.
 */
@Controller("/webhooks/salesforce")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SalesforceWebhookController {

    static final String ACK = """
            <?xml version="1.0" encoding="UTF-8"?>
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
             <soapenv:Body>
              <notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">
               <Ack>true</Ack>
              </notificationsResponse>
             </soapenv:Body>
            </soapenv:Envelope>
            """;

    private final SalesforceWebhookReceiver receiver;
    private final WebhookMetrics metrics;
    private final ScorelineConfig config;

    public SalesforceWebhookController(WebhookRoutes routes, InboxStore inbox, InboxWorkers workers, InboxSettings inboxSettings,
            ScorelineConfig config, PrometheusMeterRegistry registry, Clock clock) {
        this.receiver = new SalesforceWebhookReceiver(routes, inbox, workers::nudge, inboxSettings.coalesceWindow(), clock);
        this.metrics = new WebhookMetrics(registry);
        this.config = config;
    }

    @Post(uri = "/{integrationId}", consumes = MediaType.ALL, produces = MediaType.TEXT_XML)
    public HttpResponse<String> receive(@PathVariable long integrationId, @Body @Nullable byte[] body) {
        var bytes = body == null ? new byte[0] : body;
        WebhookOutcome outcome = bytes.length > config.webhooks().maxBytes()
                ? new WebhookOutcome.TooLarge(config.webhooks().maxBytes())
                : receiver.receive(integrationId, bytes);
        metrics.record(CrmProvider.SALESFORCE, outcome);
        return switch (outcome) {
            case WebhookOutcome.Accepted accepted -> ack();
            case WebhookOutcome.Dropped dropped -> ack();
            default -> WebhookResponses.refused(outcome);
        };
    }

    private static HttpResponse<String> ack() {
        return HttpResponse.<String>status(HttpStatus.OK).contentType(MediaType.TEXT_XML_TYPE).body(ACK);
    }
}
