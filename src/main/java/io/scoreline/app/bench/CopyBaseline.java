package io.scoreline.app.bench;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.DatabaseEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * What PostgreSQL does on this machine without us: {@code COPY} of fact-shaped rows into a scratch
 * table, timed. The benchmark's end-to-end rate is read against it.
 */
final class CopyBaseline {

    record Result(long rows, double rowsPerSecond) {}

    private final DatabaseEndpoint owner;

    /** Generates the CSV rows as COPY reads them: millions of rows must not sit in the benchmark's capped heap. */
    @SuppressWarnings(
            "InputStreamSlowMultibyteRead") // the baseline keeps the stream it was measured with; a faster read would
    // move the figure
    private static final class FactRowsStream extends java.io.InputStream {
        private final long rows;
        private long next;
        private byte[] line = new byte[0];
        private int position;

        FactRowsStream(long rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (position == line.length) {
                if (next == rows) {
                    return -1;
                }
                line = ("1,1,Task,00T" + next++ + ",calls_made,1,005A,2026-01-01,1.000000\n")
                        .getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return line[position++];
        }
    }

    CopyBaseline(DatabaseEndpoint owner) {
        this.owner = owner;
    }

    Result measure(long rows) {
        if (rows <= 0) {
            return new Result(0, 0);
        }
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.createStatement()) {
            statement.execute(
                    "create temporary table bench_copy (organization_id bigint, integration_id bigint, object_type varchar, "
                            + "record_id varchar, kpi_key varchar, profile_id bigint, crm_user_id varchar, local_date date, value numeric(20,6))");
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            copy.copyIn("copy bench_copy from stdin with (format csv)", new FactRowsStream(rows));
            double seconds = Math.max(0.000001, (System.nanoTime() - start) / 1e9);
            return new Result(rows, rows / seconds);
        } catch (SQLException | IOException e) {
            throw new ScorelineException(FailureKind.RETRYABLE, "the COPY baseline failed: " + e.getMessage(), e);
        }
    }
}
