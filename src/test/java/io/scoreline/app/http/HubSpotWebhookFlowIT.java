package io.scoreline.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.inbox.InboxEvent;
import io.scoreline.pipeline.inbox.InboxStatus;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.sync.SyncService;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.CallOutcome;
import io.scoreline.sim.data.DealStage;
import io.scoreline.sim.data.RecordChange;
import io.scoreline.sim.http.Delivery;
import io.scoreline.sim.http.RetrySchedule;
import io.scoreline.sim.hubspot.HubSpotWebhookEmitter;
import io.scoreline.sim.hubspot.HubSpotWebhookEvent;
import io.scoreline.testing.KpiTruth;
import io.scoreline.testing.ScorelineServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HubSpot webhooks from the simulator's signer through the real server and inbox into
 * {@code kpi_values}: edits, reassignments, creations and deletions, delivered in reverse order
 * and twice, end in the simulator's truth; each event is stored once.
 */
class HubSpotWebhookFlowIT {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");

    @TempDir
    Path dumps;

    @Test
    void eventsOutOfOrderAndRedeliveredEndInTheRecordsLatestState() throws Exception {
        try (var sims = Simulators.start(
                        SimulatorOptions.defaults().withSeed(31).withVolume(3, 6));
                var server = ScorelineServer.start(Map.of())) {
            var rules = KpiTruth.hubSpotRules();
            var organizationId = server.bean(OrganizationStore.class)
                    .create(NewOrganization.of("hshooks", "HS hooks", ZONE.getId(), "monday"))
                    .id();
            var integrationId = HubSpotTestIntegration.connect(server, sims, organizationId);
            var sync = server.bean(SyncService.class).sync(integrationId, SyncTrigger.MANUAL);
            assertThat(sync.status()).as(sync.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            var transactions = server.bean(TenantTransactions.class);
            assertThat(KpiTruth.stored(transactions, organizationId))
                    .isEqualTo(KpiTruth.fromHubSpotDump(dump(sims, "before"), rules, ZONE));

            var changes = new CopyOnWriteArrayList<RecordChange>();
            sims.dataset().onChange(changes::add);
            changeSomeRecords(sims);
            var events = new ArrayList<HubSpotWebhookEvent>();
            var webhookEvents = sims.hubSpotSimulator().webhookEvents(ZONE, Clock.systemUTC());
            changes.forEach(change -> events.addAll(webhookEvents.of(change)));
            assertThat(events).hasSizeGreaterThan(10);
            // Newest first: a record's first event is processed after its last one.
            var reversed = events.reversed();
            try (var emitter = new HubSpotWebhookEmitter(
                    server.uri("/webhooks/hubspot"),
                    sims.hubSpot().clientSecret(),
                    Clock.systemUTC(),
                    new RetrySchedule(3, Duration.ofMillis(50), Duration.ofMillis(200)))) {
                assertThat(emitter.send(reversed).join())
                        .allSatisfy(d -> assertThat(d).isInstanceOf(Delivery.Delivered.class));
                assertThat(emitter.send(reversed).join())
                        .allSatisfy(d -> assertThat(d).isInstanceOf(Delivery.Delivered.class));
            }
            var inbox = server.bean(InboxStore.class);
            assertThat(inbox.list(organizationId, Optional.empty(), 10_000)).hasSize(events.size());

            // Besides the events: the reads that verify the changes applied from them (ADR 0016).
            assertThat(server.bean(InboxWorkers.class).drain()).isGreaterThan(events.size());
            var processed = inbox.list(organizationId, Optional.empty(), 10_000);
            assertThat(processed)
                    .allSatisfy(e ->
                            assertThat(e.status()).as(e.lastError().orElse("")).isEqualTo(InboxStatus.DONE));
            assertThat(processed)
                    .filteredOn(e -> !e.eventType().equals(InboxEvent.VERIFY))
                    .hasSize(events.size());
            assertThat(KpiTruth.stored(transactions, organizationId))
                    .isEqualTo(KpiTruth.fromHubSpotDump(dump(sims, "after"), rules, ZONE));
        }
    }

    /** Calls edited twice (connected, then reassigned), deals won, a deal created, two calls deleted. */
    private static void changeSomeRecords(RunningSimulators sims) {
        var dataset = sims.dataset();
        var now = Instant.now().plusSeconds(5);
        var calls = dataset.stream(ActivityKind.CALL)
                .filter(a -> !a.meta().deleted())
                .limit(10)
                .toList();
        for (int i = 0; i < calls.size(); i++) {
            var call = (Activity.Call) calls.get(i);
            var connected = (Activity.Call) dataset.update(new Activity.Call(
                    call.meta().modified(now),
                    call.subject(),
                    call.outbound(),
                    call.durationSeconds() + 90,
                    CallOutcome.CONNECTED));
            if (i % 3 == 0) {
                dataset.update(new Activity.Call(
                        connected
                                .meta()
                                .reassigned(
                                        (call.meta().ownerRep() + 1)
                                                % dataset.reps().size(),
                                        now.plusSeconds(1)),
                        connected.subject(),
                        connected.outbound(),
                        connected.durationSeconds(),
                        CallOutcome.NO_ANSWER));
            }
        }
        dataset.stream(ActivityKind.CALL)
                .filter(a -> !a.meta().deleted())
                .skip(20)
                .limit(2)
                .toList()
                .forEach(call -> dataset.update(call.withMeta(call.meta().deletedAt(now))));
        dataset.stream(ActivityKind.DEAL)
                .filter(a -> !a.meta().deleted())
                .limit(3)
                .toList()
                .forEach(a -> {
                    var deal = (Activity.Deal) a;
                    dataset.update(new Activity.Deal(
                            deal.meta().modified(now),
                            deal.name(),
                            deal.amount(),
                            DealStage.CLOSED_WON,
                            deal.closeDate()));
                });
    }

    private Path dump(RunningSimulators sims, String name) throws Exception {
        var directory = Files.createDirectories(dumps.resolve(name));
        sims.dump(directory);
        return directory;
    }
}
