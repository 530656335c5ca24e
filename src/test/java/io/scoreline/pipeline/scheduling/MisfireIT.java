package io.scoreline.pipeline.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.testing.TestPostgres;
import io.scoreline.testing.TestTenant;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fires missed while no node ran collapse into one run when a node comes back. */
class MisfireIT {

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
    void hoursOfMissedFiresRunOnce() {
        var tenant = TestTenant.create(database, "misfire", CrmProvider.SALESFORCE);
        long id = tenant.integrationId();
        var hourly = SchedulerSettings.defaults().withClusterCheckinInterval(Duration.ofSeconds(1));
        // Quartz reads the wall clock itself; only the trigger's start can be dated back. A schedule
        // set up three hours ago, with no node running since, has missed three hourly fires.
        var threeHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-3));
        assertThat(nodes.node(hourly.withInstanceId("earlier"), new RecordingLauncher(), threeHoursAgo)
                        .reconcile())
                .singleElement()
                .isInstanceOf(ScheduleChange.Added.class);

        var launcher = new RecordingLauncher();
        var node = nodes.node(
                hourly.withInstanceId("late").withMisfireThreshold(Duration.ofSeconds(1)), launcher, Clock.systemUTC());
        node.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> !launcher.started(id).isEmpty());
        await().alias("three missed hourly fires run once")
                .during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(5))
                .until(() -> launcher.started(id).size() == 1);
        var now = Clock.systemUTC().instant();
        assertThat(node.schedule(id).orElseThrow().nextFire())
                .as("back on the hourly schedule")
                .hasValueSatisfying(next -> assertThat(next).isAfter(now).isBefore(now.plus(Duration.ofHours(1))));
    }
}
