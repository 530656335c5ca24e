package io.scoreline.app.http;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStatusCounts;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scoreline_integrations{status}} on {@code /metrics}: integrations per status, every
 * status present (zero included) so an alert on {@code needs_attention > 0} has a series to watch.
 * Counted once per scrape, not once per gauge; a scrape while the database is away shows the last
 * counts rather than failing.
 */
final class IntegrationStatusMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationStatusMetrics.class);

    private final IntegrationStatusCounts counts;
    private final AtomicReference<Map<IntegrationStatus, Long>> last =
            new AtomicReference<>(new EnumMap<>(IntegrationStatus.class));

    IntegrationStatusMetrics(MeterRegistry registry, IntegrationStatusCounts counts) {
        this.counts = counts;
        for (var status : IntegrationStatus.values()) {
            Gauge.builder("scoreline_integrations", last, map -> map.get().getOrDefault(status, 0L))
                    .description("Integrations of all organizations in this status")
                    .tag("status", status.key())
                    .register(registry);
        }
    }

    void refresh() {
        try {
            last.set(counts.count());
        } catch (ScorelineException e) {
            LOG.debug("integration counts not refreshed: {}", e.getMessage());
        }
    }
}
