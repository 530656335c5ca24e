package io.scoreline.app.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.scoreline.connectors.spi.CrmProvider;

/**
 * Counters on {@code /metrics}: {@code scoreline_webhook_events_total{provider,outcome}} counts
 * events (accepted, duplicate, dropped), {@code scoreline_webhook_rejected_total{provider,status}}
 * counts refused requests.
 */
final class WebhookMetrics {

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
            case WebhookOutcome.Unauthorized unauthorized -> rejected(provider, 401).increment();
            case WebhookOutcome.UnknownEndpoint unknown -> rejected(provider, 404).increment();
            case WebhookOutcome.Malformed malformed -> rejected(provider, 400).increment();
            case WebhookOutcome.TooLarge tooLarge -> rejected(provider, 413).increment();
        }
    }

    private Counter events(CrmProvider provider, String outcome) {
        return Counter.builder("scoreline.webhook.events").description("webhook events by outcome")
                .tag("provider", provider.key()).tag("outcome", outcome).register(registry);
    }

    private Counter rejected(CrmProvider provider, int status) {
        return Counter.builder("scoreline.webhook.rejected").description("webhook requests refused")
                .tag("provider", provider.key()).tag("status", Integer.toString(status)).register(registry);
    }
}
