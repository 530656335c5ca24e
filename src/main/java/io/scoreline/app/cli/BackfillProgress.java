package io.scoreline.app.cli;

import io.scoreline.pipeline.sync.ProgressListener;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a backfill: a bar with records, rate and ETA on a terminal; otherwise (CI, cron,
 * logs) a line every {@link #LOG_EVERY} with the same numbers.
 */
public final class BackfillProgress {

    static final Duration LOG_EVERY = Duration.ofSeconds(10);

    private BackfillProgress() {}

    public static ProgressListener forTerminal() {
        return new ProgressListener() {
            private ProgressBar bar;

            @Override
            public void started(String objectType, long expectedRecords) {
                close();
                bar = new ProgressBarBuilder()
                        .setTaskName(objectType)
                        .setInitialMax(Math.max(expectedRecords, 0))
                        .setStyle(ProgressBarStyle.ASCII)
                        .setUnit(" records", 1)
                        .showSpeed()
                        .build();
            }

            @Override
            public void advanced(long records) {
                if (bar != null) {
                    bar.stepBy(records);
                }
            }

            @Override
            public void finished() {
                close();
            }

            private void close() {
                if (bar != null) {
                    bar.close();
                    bar = null;
                }
            }
        };
    }

    public static ProgressListener forLog(PrintWriter err, Clock clock) {
        return new ProgressListener() {
            private String object = "";
            private long expected;
            private long done;
            private Instant started;
            private Instant lastLine;

            @Override
            public void started(String objectType, long expectedRecords) {
                object = objectType;
                expected = expectedRecords;
                done = 0;
                started = clock.instant();
                lastLine = started;
                err.println("backfill: " + objectType + ": " + (expectedRecords < 0 ? "?" : expectedRecords)
                        + " records to read");
                err.flush();
            }

            @Override
            public void advanced(long records) {
                done += records;
                var now = clock.instant();
                if (Duration.between(lastLine, now).compareTo(LOG_EVERY) >= 0) {
                    lastLine = now;
                    double seconds =
                            Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
                    double rate = done / seconds;
                    var eta = expected > done && rate > 0 ? String.format(" ETA %.0fs", (expected - done) / rate) : "";
                    err.printf(
                            "backfill: %s: %d/%s records, %.0f records/s%s%n",
                            object, done, expected < 0 ? "?" : expected, rate, eta);
                    err.flush();
                }
            }

            @Override
            public void finished() {
                err.flush();
            }
        };
    }
}
