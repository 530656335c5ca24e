package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.fault.FaultSpec;
import io.scoreline.testing.KpiTruth;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Faults of a real Salesforce, played by the simulator: bursts of 5xx, spent quota, lapsed sessions, malformed pages. */
class SalesforceResilienceIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);

    private static SimulatorOptions small() {
        return SimulatorOptions.defaults().withSeed(5).withVolume(3, 6).withLastDay(LocalDate.of(2026, 3, 1));
    }

    @Test
    void burstsOfServerErrorsAreRetriedAndTheSyncEqualsAFaultFreeOne() {
        long expectedFacts;
        try (var clean = new SalesforceSyncFixture(small(), CLOCK, SyncSettings.defaults())) {
            expectedFacts =
                    clean.sync.sync(clean.integrationId, SyncTrigger.MANUAL).factsChanged();
        }
        try (var faulty = new SalesforceSyncFixture(
                small().withFaults(FaultSpec.parse("500:0.3,timeout:0.05")), CLOCK, SyncSettings.defaults())) {
            var outcome = faulty.sync.sync(faulty.integrationId, SyncTrigger.MANUAL);
            assertThat(outcome.status()).as(outcome.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(outcome.factsChanged()).isEqualTo(expectedFacts);
        }
    }

    @Test
    void spentQuotaEndsTheRunAsPartialAndTheNextRunContinues() {
        try (var fixture =
                new SalesforceSyncFixture(small().withSalesforceDailyApiLimit(6), CLOCK, SyncSettings.defaults())) {
            var outcome = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
            assertThat(outcome.status()).isEqualTo(SyncStatus.PARTIAL);
            assertThat(outcome.message())
                    .hasValueSatisfying(m -> assertThat(m).containsAnyOf("quota", "REQUEST_LIMIT_EXCEEDED"));
            var run = fixture.runs
                    .find(fixture.organization.id(), outcome.runId())
                    .orElseThrow();
            assertThat(run.errorKind()).contains("quota");
        }
    }

    @Test
    void anAccountAt89PercentOfItsDailyRequestsLetsTheRunFinish() {
        try (var fixture = new SalesforceSyncFixture(
                small().withSalesforceDailyApiLimit(10_000), CLOCK, SyncSettings.defaults())) {
            // Other integrations and tools of the org have used 89 %; the run's few calls keep it under 90 %.
            fixture.sims.salesforceSimulator().quota().setUsed(8_900);
            var outcome = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
            assertThat(outcome.status()).as(outcome.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(fixture.sims.salesforceSimulator().quota().used()).isBetween(8_901L, 8_999L);
        }
    }

    @Test
    void anAccountCrossing90PercentStopsTheRunAsQuotaAndTheNextRunContinues() {
        Map<String, java.math.BigDecimal> expected;
        try (var clean = new SalesforceSyncFixture(small(), CLOCK, SyncSettings.defaults())) {
            clean.sync.sync(clean.integrationId, SyncTrigger.MANUAL);
            expected = KpiTruth.stored(clean.transactions, clean.organization.id());
        }
        try (var fixture = new SalesforceSyncFixture(
                small().withSalesforceDailyApiLimit(10_000), CLOCK, SyncSettings.defaults())) {
            var quota = fixture.sims.salesforceSimulator().quota();
            quota.setUsed(8_999);

            var stopped = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);

            assertThat(stopped.status()).isEqualTo(SyncStatus.PARTIAL);
            assertThat(stopped.message())
                    .hasValueSatisfying(m -> assertThat(m)
                            .contains("has used " + quota.used() + " of its 10000 daily API requests")
                            .contains("90%"));
            var run = fixture.runs
                    .find(fixture.organization.id(), stopped.runId())
                    .orElseThrow();
            assertThat(run.errorKind()).contains("quota");
            assertThat(run.apiCalls())
                    .as("it stops at the first page that crosses the line")
                    .isPositive()
                    .isLessThan(4);
            assertThat(KpiTruth.stored(fixture.transactions, fixture.organization.id()))
                    .isNotEqualTo(expected);

            quota.setUsed(0); // the allowance recovered (a new day)
            var resumed = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
            assertThat(resumed.status()).as(resumed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(KpiTruth.stored(fixture.transactions, fixture.organization.id()))
                    .isEqualTo(expected);
        }
    }

    @Test
    void lapsedSessionIsRenewedMidRun() {
        try (var fixture = new SalesforceSyncFixture(
                small().withFaults(FaultSpec.parse("expire-token:1s")), CLOCK, SyncSettings.defaults())) {
            var outcome = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
            assertThat(outcome.status()).as(outcome.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(outcome.recordsRead()).isPositive();
        }
    }

    @Test
    void malformedPageFailsTheRunAndLeavesTheCursor() {
        try (var fixture = new SalesforceSyncFixture(
                small().withFaults(FaultSpec.parse("malformed:1.0")), CLOCK, SyncSettings.defaults(), false)) {
            var outcome = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
            assertThat(outcome.status()).isEqualTo(SyncStatus.FAILED);
            assertThat(outcome.message()).hasValueSatisfying(m -> assertThat(m).contains("malformed"));
            assertThat(fixture.checkpoints()
                            .load(fixture.organization.id(), fixture.integrationId, "Task", CheckpointStore.LIVE))
                    .isEmpty();
        }
    }
}
