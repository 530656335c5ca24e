package io.scoreline.app.cli;

import io.scoreline.app.bench.BackfillBenchmark;
import io.scoreline.connectors.spi.ScorelineException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scoreline bench backfill --records N}: simulator → Camel → pipeline → scratch embedded
 * database, end to end, with the heap capped at {@value #HEAP_CAP_MB} MB as the targets require:
 * a JVM allowed more runs the benchmark in a child JVM that is not.
 */
@Command(name = "backfill", description = "Backfill N simulated Task records end to end on a scratch embedded database.")
final class BenchBackfillCommand extends ScratchBenchCommand {

    static final int HEAP_CAP_MB = 256;

    @Option(names = "--records", defaultValue = "100000", description = "About how many Task records (default: ${DEFAULT-VALUE})")
    long records;

    @Override
    protected void validate() {
        if (records < 1000) {
            throw ScorelineException.badInput("--records must be at least 1000");
        }
    }

    @Override
    protected OptionalInt heapCapMb() {
        return OptionalInt.of(HEAP_CAP_MB);
    }

    @Override
    protected Map<String, Object> measure(Path scratch, PrintWriter err) {
        var clock = Clock.systemUTC();
        return new BackfillBenchmark(clock).run(records, scratch, BackfillProgress.forLog(err, clock)).toJson();
    }
}
