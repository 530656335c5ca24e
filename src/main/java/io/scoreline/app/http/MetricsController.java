package io.scoreline.app.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.scoreline.pipeline.integrations.IntegrationStatusCounts;

/** {@code GET /metrics}: every meter of the process in the Prometheus text format. */
@Controller("/metrics")
public class MetricsController {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final IntegrationStatusMetrics integrations;

    public MetricsController(PrometheusMeterRegistry registry, IntegrationStatusCounts integrationCounts) {
        this.registry = registry;
        this.integrations = new IntegrationStatusMetrics(registry, integrationCounts);
    }

    @Get
    @Produces(PROMETHEUS_TEXT)
    public String scrape() {
        integrations.refresh();
        return registry.scrape();
    }
}
