package io.scoreline.app.cli.bench;

import io.scoreline.app.bench.BackfillBenchmark;
import io.scoreline.app.cli.BackfillProgress;
import io.scoreline.app.cli.HelpOptions;
import io.scoreline.app.cli.RangeOption;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.failure.ScorelineException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline bench backfill --records N}: simulator → Camel → pipeline → scratch embedded
 * database, end to end, with the heap capped at {@value #HEAP_CAP_MB} MB as the targets require:
 * a JVM allowed more runs the benchmark in a child JVM that is not.
 */
@Command(
        name = "backfill",
        footerHeading = HelpOptions.EXAMPLES,
        footer = {"  scoreline bench backfill", "  scoreline bench backfill --records 1000000 --json"},
        description = "Backfill N simulated Task records end to end on a scratch embedded database.")
final class BenchBackfillCommand extends ScratchBenchCommand {

    static final int HEAP_CAP_MB = 256;

    @Option(
            names = "--records",
            defaultValue = "100000",
            description = "About how many Task records (default: ${DEFAULT-VALUE})")
    long records;

    @Option(
            names = "--bulk-threshold",
            paramLabel = "N",
            description = "Read objects of more than N records through Bulk API 2.0; "
                    + "0 = REST only (default: SCORELINE_BULK_THRESHOLD, else 50000)")
    Long bulkThreshold;

    @Override
    protected void validate() {
        RangeOption.check("--records", records, 1_000, 100_000_000);
        if (bulkThreshold != null && bulkThreshold < 0) {
            throw ScorelineException.badInput("--bulk-threshold must be 0 or more");
        }
    }

    @Override
    protected OptionalInt heapCapMb() {
        return OptionalInt.of(HEAP_CAP_MB);
    }

    @Override
    protected Map<String, Object> measure(Path scratch, PrintWriter err) {
        var clock = Clock.systemUTC();
        long threshold = bulkThreshold != null
                ? bulkThreshold
                : ScorelineConfig.resolve(System.getenv(), CliOverrides.none())
                        .runLimits()
                        .bulkThreshold();
        var figures = new LinkedHashMap<>(new BackfillBenchmark(clock)
                .run(records, threshold, scratch, BackfillProgress.forLog(err, clock))
                .toJson());
        figures.put("bulk_threshold", threshold);
        return figures;
    }
}
