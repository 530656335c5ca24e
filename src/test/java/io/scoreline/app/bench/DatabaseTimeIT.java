package io.scoreline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** Work done on the pool's connections shows in the reading that follows it, without waiting for idle sessions to report. */
class DatabaseTimeIT {

    @Test
    void countsStatementsRunOnThePoolsConnections() {
        try (var database = TestPostgres.freshRuntime()) {
            var time = new DatabaseTime(database.ownerEndpoint(), database.pool());
            double before = time.activeMillis();
            // Two sessions at once, so the figure is a sum over sessions, not one session's.
            var first = Thread.ofVirtual().start(() -> database.dsl().execute("select pg_sleep(0.4)"));
            var second = Thread.ofVirtual().start(() -> database.dsl().execute("select pg_sleep(0.4)"));
            join(first);
            join(second);
            double after = time.activeMillis();

            assertThat(after - before)
                    .as("active milliseconds of two 400 ms statements")
                    .isBetween(800.0, 5_000.0);
            assertThat(database.dsl().fetchValue("select 1"))
                    .as("the pool opened new connections")
                    .isEqualTo(1);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
