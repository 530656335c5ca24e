package io.scoreline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.TestPostgres;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** CPU spent by a statement shows as the database's, CPU spent in this JVM as the pipeline's. */
class CpuMeterIT {

    @Test
    void attributesCpuTimeToTheProcessThatSpentIt() {
        try (var database = TestPostgres.freshRuntime()) {
            // The "simulator" is this JVM here: any live process will do for reading a handle.
            var meter = CpuMeter.of(ProcessHandle.current(), database.ownerEndpoint());
            var before = meter.read();

            database.dsl().fetchValue("select sum(i * i) from generate_series(1::bigint, 20000000) i");
            long spin = 0;
            for (long i = 0; i < 300_000_000L; i++) {
                spin += i ^ (spin >>> 3);
            }
            var used = meter.read().minus(before);

            assertThat(spin).isNotZero();
            assertThat(used.databaseMs())
                    .as("the embedded server runs here, so its time is readable")
                    .isGreaterThan(100);
            assertThat(used.pipelineMs()).isGreaterThan(50);
            assertThat(used.simulatorMs()).isGreaterThanOrEqualTo(used.pipelineMs() - 50);
        }
    }

    @Test
    void countsTheTimeOfSessionsThatEndedJustBeforeTheReading() throws Exception {
        try (var database = TestPostgres.freshRuntime()) {
            var owner = database.ownerEndpoint();
            var meter = CpuMeter.of(ProcessHandle.current(), owner);
            // The benchmark's closing reading follows the end of its sessions by milliseconds; a
            // session reaped during a reading once went missing from it. Several rounds, as that
            // race does not strike every time.
            for (int round = 0; round < 5; round++) {
                var before = meter.read();
                try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                        var statement = connection.createStatement()) {
                    statement
                            .executeQuery("select sum(i * i) from generate_series(1::bigint, 5000000) i")
                            .close();
                }
                var used = meter.read().minus(before);

                assertThat(used.databaseMs())
                        .as("round %d: the ended session's CPU time", round)
                        .isGreaterThan(100);
            }
        }
    }

    @Test
    void aDatabaseItCannotSeeReadsAsUnknown() {
        var unknown = new CpuTime(10, -1, 5).minus(new CpuTime(4, 3, -1));
        assertThat(unknown).isEqualTo(new CpuTime(6, -1, -1));
    }
}
