package io.scoreline.app.cli.bench;

import io.scoreline.app.bench.TenantsBenchmark;
import io.scoreline.app.bench.TenantsLoad;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.RangeOption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline bench tenants --integrations N}: N organizations on a scratch embedded
 * database, synced by one or two scheduler nodes on the schedule compressed to a minute, with the
 * heap capped at {@value #HEAP_CAP_MB} MB as the target says.
 */
@Command(
        name = "tenants",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {
            "  scoreline bench tenants --integrations 100",
            "  scoreline bench tenants --integrations 1000 --nodes 2 --json"
        },
        description = "Sync N small organizations (Salesforce and HubSpot in turn) on one scratch database with "
                + "the schedule compressed; report one pass's wall time, change-to-KPI lag, database "
                + "connections, heap and API calls per integration, and prove from the runs table that "
                + "every fire ran once.")
final class BenchTenantsCommand extends ScratchBenchCommand {

    static final int HEAP_CAP_MB = 512;

    @Option(
            names = "--integrations",
            defaultValue = "100",
            description = "Organizations, one integration each (default: ${DEFAULT-VALUE})")
    int integrations;

    @Option(
            names = "--nodes",
            defaultValue = "1",
            description = "Scheduler nodes on the one database, 1 or 2 (default: ${DEFAULT-VALUE})")
    int nodes;

    @Option(names = "--reps", defaultValue = "3", description = "Reps in the simulated CRM (default: ${DEFAULT-VALUE})")
    int reps;

    @Option(
            names = "--live-rate",
            defaultValue = "30",
            paramLabel = "PER_MINUTE",
            description = "Records the simulated CRM changes per minute (default: ${DEFAULT-VALUE})")
    int liveRate;

    @Option(
            names = "--scheduler-threads",
            paramLabel = "N",
            description = "Each node's concurrent syncs (default: SCORELINE_SCHEDULER_THREADS, else its default)")
    Integer schedulerThreads;

    @Option(
            names = "--timeout",
            defaultValue = "1800",
            paramLabel = "SECONDS",
            description = "Report what ran if the pass takes longer (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Override
    protected void validate() {
        RangeOption.check("--integrations", integrations, 1, 10_000);
        RangeOption.check("--nodes", nodes, 1, 2);
        RangeOption.check("--reps", reps, 1, 50);
        RangeOption.check("--live-rate", liveRate, 0, 10_000);
        RangeOption.check("--timeout", timeoutSeconds, 10, 86_400);
        if (schedulerThreads != null) {
            RangeOption.check("--scheduler-threads", schedulerThreads, 1, 32);
        }
    }

    @Override
    protected OptionalInt heapCapMb() {
        return OptionalInt.of(HEAP_CAP_MB);
    }

    @Override
    protected Map<String, Object> measure(Path scratch, PrintWriter err) {
        var load = new TenantsLoad(
                integrations,
                nodes,
                reps,
                liveRate,
                schedulerThreads == null ? OptionalInt.empty() : OptionalInt.of(schedulerThreads),
                Duration.ofSeconds(timeoutSeconds));
        return new TenantsBenchmark(Clock.systemUTC()).run(load, scratch, err).toJson();
    }
}
