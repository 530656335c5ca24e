package io.scoreline.app.cli;

import io.scoreline.app.bench.WebhookBenchmark;
import io.scoreline.connectors.spi.ScorelineException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline bench webhooks --events N}: signed HubSpot batches posted concurrently to a
 * real server on a scratch embedded database, with the HubSpot simulator behind it.
 */
@Command(name = "webhooks", description = "Post N signed HubSpot webhook events to a real server on a scratch database; "
        + "report accepted events/s, acknowledgement latency and event-to-kpi_values latency.")
final class BenchWebhooksCommand extends ScratchBenchCommand {

    @Option(names = "--events", defaultValue = "20000", description = "How many events (default: ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--concurrency", defaultValue = "8", description = "Batches in flight at once (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Override
    protected void validate() {
        if (events < 100 || events > 5_000_000) {
            throw ScorelineException.badInput("--events must be from 100 to 5000000");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw ScorelineException.badInput("--concurrency must be from 1 to 256");
        }
    }

    @Override
    protected Map<String, Object> measure(Path scratch, PrintWriter err) {
        return new WebhookBenchmark(Clock.systemUTC()).run(events, concurrency, scratch, err).toJson();
    }
}
