package io.scoreline.pipeline.scheduling;

import static io.scoreline.pipeline.db.Tables.INTEGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
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

/**
 * `scoreline integration pause|resume` runs in its own process: it changes the status, then
 * pauses or resumes the job through a scheduler node it never starts, and the serving node obeys.
 */
class PauseAndResumeIT {

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
    void pauseStopsFiresOnTheServingNodeAndResumeRestartsThem() {
        var tenant = TestTenant.create(database, "pausing", CrmProvider.SALESFORCE);
        long id = tenant.integrationId();
        var store = new IntegrationStore(tenant.transactions(), PauseAndResumeIT::noCipherNeeded);
        var serving = new RecordingLauncher();
        nodes.node("serve", serving).start();
        serving.awaitMoreRuns(id, 2);

        var cliRuns = new RecordingLauncher();
        var cli = nodes.node("cli", cliRuns);
        store.setStatus(tenant.organizationId(), id, IntegrationStatus.PAUSED);
        assertThat(cli.pause(id)).contains(new ScheduleChange.Paused(id));
        serving.assertNoMoreRuns(id);
        assertThat(cli.pause(id)).as("pausing twice changes nothing").isEmpty();

        assertThatThrownBy(() -> cli.resume(id))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFLICT));

        store.setStatus(tenant.organizationId(), id, IntegrationStatus.ACTIVE);
        assertThat(cli.resume(id)).contains(new ScheduleChange.Resumed(id));
        serving.awaitMoreRuns(id, 2);
        assertThat(cliRuns.started())
                .as("a node that was never started fires nothing")
                .isEmpty();
    }

    @Test
    void anIntegrationAddedOrRemovedByTheCliReachesTheServingNode() {
        var serving = new RecordingLauncher();
        nodes.node("serve", serving).start();
        var cli = nodes.node("cli", new RecordingLauncher());

        var tenant = TestTenant.create(database, "added-later", CrmProvider.HUBSPOT);
        long id = tenant.integrationId();
        assertThat(cli.reconcile(id)).singleElement().isInstanceOf(ScheduleChange.Added.class);
        serving.awaitMoreRuns(id, 2);

        tenant.transactions()
                .inOrganization(
                        tenant.organizationId(),
                        tx -> tx.deleteFrom(INTEGRATIONS)
                                .where(INTEGRATIONS.ID.eq(id))
                                .execute());
        assertThat(cli.reconcile(id)).containsExactly(new ScheduleChange.Removed(id));
        serving.assertNoMoreRuns(id);
        assertThat(cli.reconcile(id)).isEmpty();
    }

    @Test
    void failingSyncsDoNotStopLaterFires() {
        var tenant = TestTenant.create(database, "failing", CrmProvider.HUBSPOT);
        var launcher = new RecordingLauncher().failNext(2);
        var node = nodes.node("serve", launcher);
        node.start();

        launcher.awaitMoreRuns(tenant.integrationId(), 4);
        assertThat(node.isFiring()).isTrue();
        assertThat(node.schedule(tenant.integrationId()))
                .hasValueSatisfying(schedule -> assertThat(schedule.paused()).isFalse());
    }

    private static CredentialCipher noCipherNeeded() {
        throw new AssertionError("changing an integration's status needs no master key");
    }
}
