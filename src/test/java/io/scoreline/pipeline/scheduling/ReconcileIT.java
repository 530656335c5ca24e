package io.scoreline.pipeline.scheduling;

import static io.scoreline.pipeline.db.Tables.INTEGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The job store follows the integration directory as integrations come, pause and go. */
class ReconcileIT {

    private DatabaseRuntime database;
    private SchedulerNodes nodes;

    @BeforeEach
    void setUp() {
        database = TestPostgres.freshRuntime();
        nodes = new SchedulerNodes(database);
    }

    @AfterEach
    void tearDown() {
        nodes.close();
        database.close();
    }

    @Test
    void scheduleFollowsTheDirectory() {
        var launcher = new RecordingLauncher();
        var node = nodes.node("node-a", launcher);
        node.start();
        assertThat(node.schedules()).isEmpty();

        var tenant = TestTenant.create(database, "reconcile", CrmProvider.HUBSPOT);
        long id = tenant.integrationId();
        var store = new IntegrationStore(tenant.transactions(), ReconcileIT::noCipherNeeded);

        assertThat(node.reconcile())
                .singleElement()
                .isInstanceOf(ScheduleChange.Added.class)
                .extracting(ScheduleChange::integrationId)
                .isEqualTo(id);
        launcher.awaitMoreRuns(id, 2);
        assertThat(launcher.started(id))
                .allSatisfy(run -> assertThat(run.organizationId()).isEqualTo(tenant.organizationId()));

        store.setStatus(tenant.organizationId(), id, IntegrationStatus.PAUSED);
        assertThat(node.reconcile()).containsExactly(new ScheduleChange.Paused(id));
        launcher.assertNoMoreRuns(id);
        assertThat(node.schedule(id))
                .hasValueSatisfying(schedule -> assertThat(schedule.paused()).isTrue());

        store.setStatus(tenant.organizationId(), id, IntegrationStatus.NEEDS_REAUTH);
        assertThat(node.reconcile()).isEmpty();

        store.setStatus(tenant.organizationId(), id, IntegrationStatus.ACTIVE);
        assertThat(node.reconcile()).containsExactly(new ScheduleChange.Resumed(id));
        launcher.awaitMoreRuns(id, 2);
        assertThat(node.reconcile())
                .as("a second reconcile finds nothing to do")
                .isEmpty();

        tenant.transactions()
                .inOrganization(
                        tenant.organizationId(),
                        tx -> tx.deleteFrom(INTEGRATIONS)
                                .where(INTEGRATIONS.ID.eq(id))
                                .execute());
        assertThat(node.reconcile()).containsExactly(new ScheduleChange.Removed(id));
        assertThat(node.schedule(id)).isEmpty();
        launcher.assertNoMoreRuns(id);
    }

    @Test
    void aNewNodeSchedulesWhatTheDirectoryHoldsWhenItStarts() {
        var active = TestTenant.create(database, "start-active", CrmProvider.SALESFORCE);
        var paused = TestTenant.create(database, "start-paused", CrmProvider.SALESFORCE);
        new IntegrationStore(paused.transactions(), ReconcileIT::noCipherNeeded)
                .setStatus(paused.organizationId(), paused.integrationId(), IntegrationStatus.PAUSED);
        var launcher = new RecordingLauncher();

        nodes.node("node-a", launcher).start();

        launcher.awaitMoreRuns(active.integrationId(), 2);
        assertThat(launcher.started(paused.integrationId())).isEmpty();
    }

    private static CredentialCipher noCipherNeeded() {
        throw new AssertionError("changing an integration's status needs no master key");
    }
}
