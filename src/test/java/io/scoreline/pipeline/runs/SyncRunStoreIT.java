package io.scoreline.pipeline.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.Checkpoint;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyncRunStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
    private static DatabaseRuntime database;
    private static TestTenant tenant;

    @BeforeAll
    static void setUp() {
        database = TestPostgres.freshRuntime();
        tenant = TestTenant.create(database, "runs", CrmProvider.SALESFORCE);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void runIsCountedPageByPageAndFinished() {
        var runs = new SyncRunStore(tenant.transactions(), Clock.fixed(NOW, ZoneOffset.UTC));
        long org = tenant.organizationId();
        long run = runs.start(
                org, tenant.integrationId(), SyncTrigger.MANUAL, Optional.of(NOW.minusSeconds(3600)), Optional.empty());
        tenant.transactions().inOrganization(org, tx -> {
            runs.count(tx, run, 2000, 1500, 1);
            runs.count(tx, run, 10, 3, 1);
            return null;
        });
        runs.finish(org, run, SyncStatus.PARTIAL, Optional.of("QUOTA"), Optional.of("daily API budget share spent"));

        var stored = runs.find(org, run).orElseThrow();
        assertThat(stored.recordsRead()).isEqualTo(2010);
        assertThat(stored.factsChanged()).isEqualTo(1503);
        assertThat(stored.apiCalls()).isEqualTo(2);
        assertThat(stored.status()).isEqualTo(SyncStatus.PARTIAL);
        assertThat(stored.errorKind()).contains("quota");
        assertThat(stored.startedAt()).isEqualTo(NOW);
        assertThat(runs.recent(org, tenant.integrationId(), 10))
                .extracting(SyncRun::id)
                .contains(run);
    }

    @Test
    void backfillCursorIsSeparateFromTheLiveOne() {
        var checkpoints = new CheckpointStore(tenant.transactions());
        long org = tenant.organizationId();
        var live = new Checkpoint(Instant.parse("2026-11-21T10:00:00Z"), "00T000000000001AAA");
        var backfill = new Checkpoint(Instant.parse("2026-08-01T00:00:00Z"), "00T\"quoted\"");
        tenant.transactions().inOrganization(org, tx -> {
            checkpoints.save(tx, org, tenant.integrationId(), "Task", CheckpointStore.LIVE, live);
            checkpoints.save(tx, org, tenant.integrationId(), "Task", CheckpointStore.backfillScope(7), backfill);
            return null;
        });
        assertThat(checkpoints.load(org, tenant.integrationId(), "Task", CheckpointStore.LIVE))
                .contains(live);
        assertThat(checkpoints.load(org, tenant.integrationId(), "Task", CheckpointStore.backfillScope(7)))
                .contains(backfill);
        assertThat(checkpoints.load(org, tenant.integrationId(), "Event", CheckpointStore.LIVE))
                .isEmpty();
    }
}
