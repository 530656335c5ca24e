package io.scoreline.pipeline.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two scheduler nodes on one database, as two `scoreline serve` processes would run. */
class ClusteredSchedulingIT {

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
    void eachFireRunsOnceAcrossTwoNodes() {
        var first = TestTenant.create(database, "cluster-a", CrmProvider.SALESFORCE);
        var second = TestTenant.create(database, "cluster-b", CrmProvider.HUBSPOT);
        var launcher = new RecordingLauncher();
        var nodeA = nodes.node("node-a", launcher);
        var nodeB = nodes.node("node-b", launcher);
        nodeA.start();
        nodeB.start();
        assertThat(nodeA.instanceId()).isNotEqualTo(nodeB.instanceId());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> launcher.fireTimes(first.integrationId()).size() >= 5
                        && launcher.fireTimes(second.integrationId()).size() >= 5);
        nodeA.close();
        nodeB.close();

        for (long integration : List.of(first.integrationId(), second.integrationId())) {
            var fireTimes = launcher.fireTimes(integration);
            assertThat(new HashSet<>(fireTimes))
                    .as("fire times of integration %d run once each", integration)
                    .hasSameSizeAs(fireTimes);
            var sorted = fireTimes.stream().sorted().toList();
            assertThat(Duration.between(sorted.getFirst(), sorted.getLast()).toSeconds())
                    .as("no second between the first and last fire is skipped")
                    .isEqualTo(sorted.size() - 1);
        }
        assertThat(launcher.started()).extracting(ScheduledSync::instanceId).isSubsetOf("node-a", "node-b");
    }

    @Test
    void aRunStillGoingHoldsBackTheNextFireOnEveryNode() {
        var tenant = TestTenant.create(database, "overlap", CrmProvider.SALESFORCE);
        var launcher = new RecordingLauncher().holdRuns();
        var nodeA = nodes.node("node-a", launcher);
        nodeA.start();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> launcher.started(tenant.integrationId()).size() == 1);
        // A node joining while the run is held must leave it alone: an unclustered job store
        // would take the held run for a leftover of its own crash and release its block.
        var nodeB = nodes.node("node-b", launcher);
        nodeB.start();

        // Three more fire times pass while the first run is held open; neither node starts one.
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> launcher.started(tenant.integrationId()).size() == 1);

        launcher.release();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> launcher.started(tenant.integrationId()).size() >= 4);
        assertThat(launcher.mostAtOnce(tenant.integrationId())).isEqualTo(1);
        var fireTimes = launcher.fireTimes(tenant.integrationId());
        assertThat(new HashSet<>(fireTimes)).hasSameSizeAs(fireTimes);
    }

    @Test
    void aNodeThatStopsLeavesItsFiresToTheOther() {
        var tenant = TestTenant.create(database, "failover", CrmProvider.SALESFORCE);
        var launcher = new RecordingLauncher();
        var nodeA = nodes.node("node-a", launcher);
        nodeA.start();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !launcher.started(tenant.integrationId()).isEmpty());

        var nodeB = nodes.node("node-b", launcher);
        nodeB.start();
        nodeA.close();
        Instant handedOver = launcher.fireTimes(tenant.integrationId()).stream()
                .max(Instant::compareTo)
                .orElseThrow();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> launcher.started(tenant.integrationId()).stream()
                        .filter(run -> run.scheduledFor().isAfter(handedOver.plusSeconds(1)))
                        .anyMatch(run -> run.instanceId().equals("node-b")));
        assertThat(nodeA.isFiring()).isFalse();
    }
}
