package io.scoreline.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** CPU spent by a statement shows as the database's, CPU spent in this JVM as the pipeline's. */
class CpuMeterTest {

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
            assertThat(used.databaseMs()).as("the embedded server runs here, so its time is readable").isGreaterThan(100);
            assertThat(used.pipelineMs()).isGreaterThan(50);
            assertThat(used.simulatorMs()).isGreaterThanOrEqualTo(used.pipelineMs() - 50);
        }
    }

    @Test
    void aDatabaseItCannotSeeReadsAsUnknown() {
        var unknown = new CpuTime(10, -1, 5).minus(new CpuTime(4, 3, -1));
        assertThat(unknown).isEqualTo(new CpuTime(6, -1, -1));
    }
}
