package io.scoreline.app.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.inbox.WebhookOutcome;
import java.util.Optional;

/**
 * Counters on {@code /metrics}: {@code scoreline_webhook_events_total{provider,outcome}} counts
 * events (accepted, duplicate, dropped), {@code scoreline_webhook_rejected_total{provider,status,reason}}
 * counts refused requests: by the endpoints, by the server's body limit (413, before an endpoint
 * runs) and by the read deadline (408, the connection closed).
 */
final class WebhookMetrics {

    /** Where a webhook path's provider is unknown (a request cut off before its headers). */
    static final String NO_PROVIDER = "none";

    private final MeterRegistry registry;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(CrmProvider provider, WebhookOutcome outcome) {
        switch (outcome) {
            case WebhookOutcome.Accepted accepted -> {
                events(provider, "accepted").increment(accepted.inserted());
                events(provider, "duplicate").increment(accepted.events() - accepted.inserted());
            }
            case WebhookOutcome.Dropped dropped -> events(provider, "dropped").increment(dropped.events());
            case WebhookOutcome.Unauthorized unauthorized ->
                rejected(provider.key(), 401, "unauthorized").increment();
            case WebhookOutcome.UnknownEndpoint unknown ->
                rejected(provider.key(), 404, "unknown_endpoint").increment();
            case WebhookOutcome.Malformed malformed ->
                rejected(provider.key(), 400, "malformed").increment();
            case WebhookOutcome.TooLarge tooLarge -> bodyTooLarge(provider.key());
            case WebhookOutcome.TooManyNotifications tooMany ->
                rejected(provider.key(), 413, "too_many_notifications").increment();
            case WebhookOutcome.Busy busy ->
                rejected(provider.key(), 503, "busy").increment();
        }
    }

    /** A body over the limit, refused by the server before the endpoint ran. */
    void bodyTooLarge(String provider) {
        rejected(provider, 413, "body_too_large").increment();
    }

    /** A request on {@code uri} that was not received in time; counted when it was for a webhook (or its path never came). */
    void readTimedOut(String uri) {
        providerOf(uri)
                .or(() -> uri.isEmpty() ? Optional.of(NO_PROVIDER) : Optional.empty())
                .ifPresent(provider -> rejected(provider, 408, "read_timeout").increment());
    }

    /** The provider whose webhook endpoint {@code path} is. */
    static Optional<String> providerOf(String path) {
        for (var provider : CrmProvider.values()) {
            var prefix = "/webhooks/" + provider.key();
            if (path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + "?")) {
                return Optional.of(provider.key());
            }
        }
        return Optional.empty();
    }

    private Counter events(CrmProvider provider, String outcome) {
        return Counter.builder("scoreline.webhook.events")
                .description("webhook events by outcome")
                .tag("provider", provider.key())
                .tag("outcome", outcome)
                .register(registry);
    }

    private Counter rejected(String provider, int status, String reason) {
        return Counter.builder("scoreline.webhook.rejected")
                .description("webhook requests refused")
                .tag("provider", provider)
                .tag("status", Integer.toString(status))
                .tag("reason", reason)
                .register(registry);
    }
}
