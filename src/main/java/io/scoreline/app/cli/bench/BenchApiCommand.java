package io.scoreline.app.cli.bench;

import io.scoreline.app.bench.ApiBenchmark;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.RangeOption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline bench api}: the API's read endpoints under an open-loop load on a scratch
 * database seeded with N facts, a live contest and notifications.
 */
@Command(
        name = "api",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline bench api", "  scoreline bench api --facts 100000 --rate 200 --duration 10 --json"},
        description = "Offer R requests/s to the leaderboard, KPI values and notification feed endpoints of a real "
                + "server on a scratch database with N facts; report p50/p95/p99/max latency per endpoint.")
final class BenchApiCommand extends ScratchBenchCommand {

    @Option(names = "--facts", defaultValue = "1000000", description = "KPI facts seeded (default: ${DEFAULT-VALUE})")
    long facts;

    @Option(names = "--people", defaultValue = "50", description = "People seeded (default: ${DEFAULT-VALUE})")
    int people;

    @Option(
            names = "--notifications",
            defaultValue = "5000",
            description = "Notifications seeded (default: ${DEFAULT-VALUE})")
    int notifications;

    @Option(
            names = "--rate",
            defaultValue = "500",
            paramLabel = "REQUESTS_PER_SECOND",
            description = "Requests per second offered over all endpoints (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(
            names = "--duration",
            defaultValue = "30",
            paramLabel = "SECONDS",
            description = "Seconds of measured load (default: ${DEFAULT-VALUE})")
    int duration;

    @Option(
            names = "--warmup",
            defaultValue = "10",
            paramLabel = "SECONDS",
            description = "Seconds of load before, not measured (default: ${DEFAULT-VALUE}; 0: none)")
    int warmup;

    @Override
    protected void validate() {
        RangeOption.check("--facts", facts, 100, 100_000_000);
        RangeOption.check("--people", people, 1, 10_000);
        RangeOption.check("--notifications", notifications, 1, 1_000_000);
        RangeOption.check("--rate", rate, 1, 100_000);
        RangeOption.check("--duration", duration, 1, 3_600);
        RangeOption.check("--warmup", warmup, 0, 3_600);
    }

    @Override
    protected Map<String, Object> measure(Path scratch, PrintWriter err) {
        return new ApiBenchmark(Clock.systemUTC())
                .run(
                        new ApiBenchmark.Load(
                                facts,
                                people,
                                notifications,
                                rate,
                                Duration.ofSeconds(duration),
                                Duration.ofSeconds(warmup)),
                        scratch,
                        err)
                .toJson();
    }
}
