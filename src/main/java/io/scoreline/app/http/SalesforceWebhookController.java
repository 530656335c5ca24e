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
import io.scoreline.pipeline.integrations.EndpointSecret;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code POST /webhooks/salesforce/{integrationId}/{secret}}: Salesforce outbound messages,
 * acknowledged with a SOAP {@code Ack} only after their notifications are committed to the inbox;
 * without the Ack Salesforce delivers the message again. The secret is a path segment because an
 * outbound message's endpoint is one URL and Salesforce sends nothing else we could check (ADR
 * 0020); the URL without a secret answers exactly like a wrong one. The request path is never
 * logged: no access log is configured, and the log pattern masks the segment should a library log it.
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

    @Post(uri = "/{integrationId}/{secret}", consumes = MediaType.ALL, produces = MediaType.TEXT_XML)
    public HttpResponse<String> receive(@PathVariable String integrationId, @PathVariable String secret, @Body @Nullable byte[] body) {
        return answer(integrationId, Optional.of(secret), body);
    }

    /** The endpoint of integrations before V14: it has no secret, so it is answered like a wrong one. */
    @Post(uri = "/{integrationId}", consumes = MediaType.ALL, produces = MediaType.TEXT_XML)
    public HttpResponse<String> receiveWithoutSecret(@PathVariable String integrationId, @Body @Nullable byte[] body) {
        return answer(integrationId, Optional.empty(), body);
    }

    private HttpResponse<String> answer(String integrationId, Optional<String> secret, @Nullable byte[] body) {
        var bytes = body == null ? new byte[0] : body;
        WebhookOutcome outcome = bytes.length > config.webhooks().maxBytes()
                ? new WebhookOutcome.TooLarge(config.webhooks().maxBytes())
                : receiver.receive(integrationId, secret, bytes);
        metrics.record(CrmProvider.SALESFORCE, outcome);
        return switch (outcome) {
            case WebhookOutcome.Accepted accepted -> ack();
            case WebhookOutcome.Dropped dropped -> ack();
            default -> WebhookResponses.refused(outcome);
        };
    }

    /** The path Salesforce is to post to: what {@code integration add} and {@code rotate-secret} show once. */
    public static String path(long integrationId, EndpointSecret secret) {
        return "/webhooks/salesforce/" + integrationId + "/" + secret.text();
    }

    private static HttpResponse<String> ack() {
        return HttpResponse.<String>status(HttpStatus.OK).contentType(MediaType.TEXT_XML_TYPE).body(ACK);
    }
}
