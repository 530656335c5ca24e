package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.fault.FaultSpec;
import io.scoreline.testing.KpiTruth;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backfills above the bulk threshold read through Bulk API 2.0 jobs on the simulator and must give
 * exactly what REST pages give; push-down filters apply only where DESIGN §6 allows them.
 */
class SalesforceBulkBackfillIT {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final LocalDate FROM = LocalDate.of(2026, 2, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 1);

    /** Small pages, so that bulk results come in several locator chunks (10 pages each) and several transactions. */
    private static SyncSettings settings(long bulkThreshold) {
        return new SyncSettings(Duration.ofMinutes(10), Duration.ofDays(90), 100, 0.5, 0.5, bulkThreshold);
    }

    private static SimulatorOptions data() {
        return SimulatorOptions.defaults().withSeed(11).withVolume(4, 12).withLastDay(LocalDate.of(2026, 2, 28));
    }

    @Test
    void bulkBackfillGivesExactlyTheValuesOfARestBackfillWithFewerCalls() {
        Map<String, BigDecimal> rest;
        long restCalls;
        try (var fixture = new SalesforceSyncFixture(data(), CLOCK, settings(0))) {
            var plan = fixture.backfill.plan(fixture.integrationId, FROM, TO);
            assertThat(plan.objects()).allSatisfy(o -> assertThat(o.readMode()).isEqualTo("rest"));
            var outcome = fixture.backfill.run(fixture.integrationId, FROM, TO, false, ProgressListener.none());
            assertThat(outcome.status()).as(outcome.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(fixture.sims.salesforceSimulator().bulkJobsCreated()).isZero();
            rest = kpiValues(fixture);
            restCalls = outcome.apiCalls();
        }
        try (var fixture = new SalesforceSyncFixture(data(), CLOCK, settings(300))) {
            var plan = fixture.backfill.plan(fixture.integrationId, FROM, TO);
            var task = plan.objects().stream()
                    .filter(o -> o.objectType().equals("Task"))
                    .findFirst()
                    .orElseThrow();
            assertThat(task.records()).as("several 1,000-record results chunks").isGreaterThan(1_500);
            assertThat(task.readMode()).isEqualTo("bulk");
            var outcome = fixture.backfill.run(fixture.integrationId, FROM, TO, false, ProgressListener.none());
            assertThat(outcome.status()).as(outcome.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            long bulkObjects = plan.objects().stream()
                    .filter(o -> o.readMode().equals("bulk"))
                    .count();
            assertThat(fixture.sims.salesforceSimulator().bulkJobsCreated()).isEqualTo(bulkObjects);
            assertThat(kpiValues(fixture)).isNotEmpty().isEqualTo(rest);
            // REST: a call per 200 records (Salesforce's smallest batch); bulk: describe, create, two polls and a call
            // per 1,000 records here (20,000 at full page size). The bench measures the difference at scale.
            assertThat(outcome.apiCalls()).isLessThan(restCalls);
        }
    }

    @Test
    void bulkBackfillKilledBetweenPagesResumesFromItsCursorToTheSameValues() {
        Map<String, BigDecimal> uninterrupted;
        try (var fixture = new SalesforceSyncFixture(data(), CLOCK, settings(300))) {
            fixture.backfill.run(fixture.integrationId, FROM, TO, false, ProgressListener.none());
            uninterrupted = kpiValues(fixture);
        }
        try (var fixture = new SalesforceSyncFixture(data(), CLOCK, settings(300))) {
            var crash = new IllegalStateException("simulated kill -9 after the third committed page");
            assertThatThrownBy(() -> fixture.backfill.run(fixture.integrationId, FROM, TO, false, crashAfter(3, crash)))
                    .isSameAs(crash);
            var interrupted = fixture.runs
                    .recent(fixture.organization.id(), fixture.integrationId, 1)
                    .getFirst();
            assertThat(interrupted.status()).isEqualTo(SyncStatus.RUNNING);
            var cursor = fixture.checkpoints()
                    .load(
                            fixture.organization.id(),
                            fixture.integrationId,
                            "Task",
                            CheckpointStore.backfillScope(interrupted.id()));
            assertThat(cursor).isPresent();

            var resumed = fixture.backfill.resume(interrupted.id(), fixture.integrationId, ProgressListener.none());
            assertThat(resumed.status()).as(resumed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            // A new job from the cursor: one for the first attempt, one per bulk object of the resumed run.
            assertThat(fixture.sims.salesforceSimulator().bulkJobsCreated()).isGreaterThanOrEqualTo(2);
            assertThat(kpiValues(fixture)).isEqualTo(uninterrupted);
        }
    }

    @Test
    void aFailedBulkJobFailsTheRunClearlyAndKeepsTheCommittedCursors() {
        try (var fixture = new SalesforceSyncFixture(data(), CLOCK, settings(30))) {
            var plan = fixture.backfill.plan(fixture.integrationId, FROM, TO);
            assertThat(plan.objects().stream()
                            .filter(o -> o.objectType().equals("Event"))
                            .findFirst()
                            .orElseThrow()
                            .readMode())
                    .as("premise: Event is read in bulk too")
                    .isEqualTo("bulk");
            var sim = fixture.sims.salesforceSimulator();
            // Task's job completes; Event's job, created after Event's read starts, fails.
            var failEvents = new ProgressListener() {
                @Override
                public void started(String objectType, long expectedRecords) {
                    sim.failBulkJobs(objectType.equals("Event"));
                }

                @Override
                public void advanced(long records) {}

                @Override
                public void finished() {}
            };
            var outcome = fixture.backfill.run(fixture.integrationId, FROM, TO, false, failEvents);
            assertThat(outcome.status()).isEqualTo(SyncStatus.FAILED);
            assertThat(outcome.message().orElseThrow())
                    .contains("bulk query job")
                    .contains("for Event ended Failed")
                    .contains("a resumed run starts a new job from there");
            var scope = CheckpointStore.backfillScope(outcome.runId());
            var checkpoints = fixture.checkpoints();
            assertThat(checkpoints.load(fixture.organization.id(), fixture.integrationId, "Task", scope))
                    .as("Task was committed")
                    .isPresent();
            assertThat(checkpoints.load(fixture.organization.id(), fixture.integrationId, "Event", scope))
                    .isEmpty();

            sim.failBulkJobs(false);
            var resumed = fixture.backfill.resume(outcome.runId(), fixture.integrationId, ProgressListener.none());
            assertThat(resumed.status()).as(resumed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        }
    }

    @Test
    void theBulkFailFaultFailsJobs() {
        try (var fixture =
                new SalesforceSyncFixture(data().withFaults(FaultSpec.parse("bulk-fail:1")), CLOCK, settings(300))) {
            var outcome = fixture.backfill.run(fixture.integrationId, FROM, TO, false, ProgressListener.none());
            assertThat(outcome.status()).isEqualTo(SyncStatus.FAILED);
            assertThat(outcome.message().orElseThrow())
                    .contains("bulk query job")
                    .contains("ended Failed");
        }
    }

    @Test
    void ruleFilterIsPushedIntoAnEmptyWindowAndRefusedOnceRecordsAreStored() {
        Map<String, BigDecimal> unfiltered;
        try (var fixture = new SalesforceSyncFixture(data(), CLOCK, settings(0))) {
            // No push-down possible without the stored-record check: the plain constructor never pushes.
            var plain = fixture.backfillWithoutStoredRecordCheck(settings(0));
            assertThat(plain.plan(fixture.integrationId, FROM, TO).objects())
                    .allSatisfy(o -> assertThat(o.pushDown()).isEmpty());
            var withoutFilter = plain.run(fixture.integrationId, FROM, TO, false, ProgressListener.none());
            assertThat(withoutFilter.status()).isEqualTo(SyncStatus.SUCCEEDED);
            unfiltered = kpiValues(fixture);
        }
        try (var fixture = new SalesforceSyncFixture(data(), CLOCK, settings(0))) {
            var plan = fixture.backfill.plan(fixture.integrationId, FROM, TO);
            var task = estimate(plan, "Task");
            assertThat(task.pushDown())
                    .hasValueSatisfying(filter -> assertThat(filter).contains("TaskSubtype"));
            assertThat(task.pushNote()).isEqualTo("pushed");
            assertThat(estimate(plan, "Opportunity").pushDown())
                    .as("a rule counts every Opportunity")
                    .isEmpty();
            assertThat(estimate(plan, "Opportunity").pushNote()).contains("counts every Opportunity");

            var filtered = fixture.backfill.run(fixture.integrationId, FROM, TO, false, ProgressListener.none());
            assertThat(filtered.status()).as(filtered.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(kpiValues(fixture)).isEqualTo(unfiltered);

            // Records are stored now: a record that stopped matching must still be read, so no filter.
            var again = fixture.backfill.plan(fixture.integrationId, FROM, TO);
            assertThat(estimate(again, "Task").pushDown()).isEmpty();
            assertThat(estimate(again, "Task").pushNote())
                    .contains("records modified before the window end are stored");
            assertThat(estimate(again, "Task").records()).isGreaterThan(task.records());
        }
    }

    @Test
    void aSyncAfterwardsLeavesTheBulkBackfillsValues() {
        try (var fixture = new SalesforceSyncFixture(data(), CLOCK, settings(300))) {
            fixture.backfill.run(fixture.integrationId, FROM, TO, false, ProgressListener.none());
            var values = kpiValues(fixture);
            var sync = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
            assertThat(sync.status()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(sync.factsChanged())
                    .as("REST reads the same records the bulk read wrote")
                    .isZero();
            assertThat(kpiValues(fixture)).isEqualTo(values);
        }
    }

    private static BackfillPlan.ObjectEstimate estimate(BackfillPlan plan, String objectType) {
        return plan.objects().stream()
                .filter(o -> o.objectType().equals(objectType))
                .findFirst()
                .orElseThrow();
    }

    private static ProgressListener crashAfter(int pages, RuntimeException crash) {
        return new ProgressListener() {
            int seen;

            @Override
            public void started(String objectType, long expectedRecords) {}

            @Override
            public void advanced(long records) {
                if (++seen == pages) {
                    throw crash;
                }
            }

            @Override
            public void finished() {}
        };
    }

    /** "email kpi date" → value. */
    private static Map<String, BigDecimal> kpiValues(SalesforceSyncFixture fixture) {
        return KpiTruth.stored(fixture.transactions, fixture.organization.id());
    }
}
