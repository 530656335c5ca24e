package io.scoreline.app.cli.bench;

import io.scoreline.app.bench.WebhookBenchmark;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.inbox.InboxSettings;
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
@Command(
        name = "webhooks",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline bench webhooks",
            "  scoreline bench webhooks --events 50000 --concurrency 16 --json",
            "  scoreline bench webhooks --rate 5000 --duration 60 --json"
        },
        description = "Post N signed HubSpot webhook events to a real server on a scratch database; "
                + "report accepted events/s, acknowledgement latency and, at the offered rate, when each "
                + "event's KPI value, leaderboard row and badge notification were written.")
final class BenchWebhooksCommand extends ScratchBenchCommand {

    @Option(
            names = "--events",
            defaultValue = "20000",
            description = "How many events the closed-loop phase posts (default: ${DEFAULT-VALUE})")
    int events;

    @Option(
            names = "--warmup",
            defaultValue = "5000",
            description =
                    "Events posted and processed before the measured ones, not counted (default: ${DEFAULT-VALUE}; 0: none)")
    int warmup;

    @Option(
            names = "--concurrency",
            defaultValue = "8",
            description = "Batches in flight at once (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(
            names = "--rate",
            defaultValue = "5000",
            paramLabel = "EVENTS_PER_SECOND",
            description = "Events per second offered in the open-loop phase, which measures latency at that rate "
                    + "(default: ${DEFAULT-VALUE}; 0: no such phase)")
    int rate;

    @Option(
            names = "--duration",
            defaultValue = "30",
            paramLabel = "SECONDS",
            description = "How long the open-loop phase offers --rate events per second (default: ${DEFAULT-VALUE})")
    int durationSeconds;

    @Option(
            names = "--hubspot-burst-limit",
            defaultValue = "190",
            paramLabel = "CALLS",
            description =
                    "The simulated portal's non-search calls per 10 s (default: ${DEFAULT-VALUE}, HubSpot Professional/Enterprise)")
    int hubSpotBurstLimit;

    @Option(
            names = "--inbox-workers",
            defaultValue = "4",
            paramLabel = "N",
            description =
                    "The server's inbox worker threads, as SCORELINE_INBOX_WORKERS sets them for serve (default: ${DEFAULT-VALUE})")
    int inboxWorkers;

    @Option(
            names = "--inbox-writers",
            paramLabel = "N",
            description =
                    "Of those, how many write at once, as SCORELINE_INBOX_WRITERS sets them (default: half the cores)")
    Integer inboxWriters;

    @Option(
            names = "--inbox-batch-size",
            defaultValue = "" + InboxSettings.DEFAULT_BATCH_SIZE,
            paramLabel = "N",
            description =
                    "Most inbox rows one claim takes, as SCORELINE_INBOX_BATCH_SIZE sets it (default: ${DEFAULT-VALUE})")
    int inboxBatchSize;

    @Override
    protected void validate() {
        if (inboxWorkers < 1 || inboxWorkers > 64) {
            throw ScorelineException.badInput("--inbox-workers must be from 1 to 64");
        }
        if (inboxWriters != null && (inboxWriters < 1 || inboxWriters > 64)) {
            throw ScorelineException.badInput("--inbox-writers must be from 1 to 64");
        }
        if (inboxBatchSize < 1 || inboxBatchSize > 50_000) {
            throw ScorelineException.badInput("--inbox-batch-size must be from 1 to 50000");
        }
        if (rate < 0 || rate > 1_000_000) {
            throw ScorelineException.badInput("--rate must be from 0 to 1000000");
        }
        if (durationSeconds < 1 || durationSeconds > 3600) {
            throw ScorelineException.badInput("--duration must be from 1 to 3600 seconds");
        }
        if ((long) rate * durationSeconds > 5_000_000) {
            throw ScorelineException.badInput("--rate times --duration must be at most 5000000 events");
        }
        if (hubSpotBurstLimit < 1 || hubSpotBurstLimit > 1_000_000) {
            throw ScorelineException.badInput("--hubspot-burst-limit must be from 1 to 1000000");
        }
        if (events < 100 || events > 5_000_000) {
            throw ScorelineException.badInput("--events must be from 100 to 5000000");
        }
        if (warmup < 0 || warmup > 5_000_000) {
            throw ScorelineException.badInput("--warmup must be from 0 to 5000000");
        }
        if (concurrency < 1 || concurrency > 256) {
            throw ScorelineException.badInput("--concurrency must be from 1 to 256");
        }
    }

    @Override
    protected Map<String, Object> measure(Path scratch, PrintWriter err) {
        return new WebhookBenchmark(Clock.systemUTC())
                .run(
                        new WebhookBenchmark.Load(
                                events,
                                warmup,
                                concurrency,
                                rate,
                                durationSeconds,
                                hubSpotBurstLimit,
                                inboxWorkers,
                                inboxWriters == null ? InboxSettings.defaultWriters() : inboxWriters,
                                inboxBatchSize),
                        scratch,
                        err)
                .toJson();
    }
}
