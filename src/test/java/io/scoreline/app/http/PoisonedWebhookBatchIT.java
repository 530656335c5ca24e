package io.scoreline.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.app.config.WebhookSettings;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.inbox.InboxStatus;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.sync.SyncService;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.CallOutcome;
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
 * A webhook batch with one event whose record id the HubSpot connector refuses, through the real
 * server, inbox and simulator (ADR 0021): the bad event is parked as failed on its first attempt,
 * with its reason, and every other event of the batch is written.
 */
class PoisonedWebhookBatchIT {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final long BAD_OBJECT_ID = -7;

    @TempDir
    Path dumps;

    @Test
    void aPoisonedBatchParksOnlyTheBadEvent() throws Exception {
        // Values off: every event reads its record back, so the bad id goes out in the same read as the good ones.
        try (var sims = Simulators.start(
                        SimulatorOptions.defaults().withSeed(57).withVolume(3, 6));
                var server = ScorelineServer.start(Map.of(WebhookSettings.APPLY_VALUES, "false"))) {
            var organizationId = server.bean(OrganizationStore.class)
                    .create(NewOrganization.of("poison", "Poison", ZONE.getId(), "monday"))
                    .id();
            var integrationId = HubSpotTestIntegration.connect(server, sims, organizationId);
            var sync = server.bean(SyncService.class).sync(integrationId, SyncTrigger.MANUAL);
            assertThat(sync.status()).as(sync.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);

            var changes = new CopyOnWriteArrayList<RecordChange>();
            sims.dataset().onChange(changes::add);
            var now = Instant.now().plusSeconds(5);
            sims.dataset().stream(ActivityKind.CALL)
                    .filter(a -> !a.meta().deleted())
                    .limit(12)
                    .toList()
                    .forEach(a -> {
                        var call = (Activity.Call) a;
                        sims.dataset()
                                .update(new Activity.Call(
                                        call.meta().modified(now),
                                        call.subject(),
                                        call.outbound(),
                                        call.durationSeconds() + 60,
                                        CallOutcome.CONNECTED));
                    });
            var events = new ArrayList<HubSpotWebhookEvent>();
            var webhookEvents = sims.hubSpotSimulator().webhookEvents(ZONE, Clock.systemUTC());
            changes.forEach(change -> events.addAll(webhookEvents.of(change)));
            assertThat(events).hasSizeGreaterThanOrEqualTo(12);
            var credentials = sims.hubSpotSimulator().credentials();
            events.add(
                    events.size() / 2,
                    new HubSpotWebhookEvent(
                            9_999_001,
                            200_100,
                            credentials.portalId(),
                            credentials.appId(),
                            now.toEpochMilli(),
                            "object.creation",
                            BAD_OBJECT_ID,
                            "0-48",
                            null,
                            null,
                            null,
                            null));
            try (var emitter = new HubSpotWebhookEmitter(
                    server.uri("/webhooks/hubspot"),
                    sims.hubSpot().clientSecret(),
                    Clock.systemUTC(),
                    new RetrySchedule(3, Duration.ofMillis(50), Duration.ofMillis(200)))) {
                assertThat(emitter.send(events).join())
                        .allSatisfy(d -> assertThat(d).isInstanceOf(Delivery.Delivered.class));
            }

            server.bean(InboxWorkers.class).drain();

            var processed = server.bean(InboxStore.class).list(organizationId, Optional.empty(), 10_000);
            assertThat(processed).hasSize(events.size());
            assertThat(processed)
                    .filteredOn(e -> e.recordId().equals(Long.toString(BAD_OBJECT_ID)))
                    .singleElement()
                    .satisfies(bad -> {
                        assertThat(bad.status()).isEqualTo(InboxStatus.FAILED);
                        assertThat(bad.attempts())
                                .as("parked on its first attempt")
                                .isEqualTo(1);
                        assertThat(bad.lastError())
                                .get()
                                .asString()
                                .startsWith("BAD_INPUT: ")
                                .contains("'-7'");
                    });
            assertThat(processed)
                    .filteredOn(e -> !e.recordId().equals(Long.toString(BAD_OBJECT_ID)))
                    .allSatisfy(e ->
                            assertThat(e.status()).as(e.lastError().orElse("")).isEqualTo(InboxStatus.DONE));
            var after = Files.createDirectories(dumps.resolve("after"));
            sims.dump(after);
            assertThat(KpiTruth.stored(server.bean(TenantTransactions.class), organizationId))
                    .isEqualTo(KpiTruth.fromHubSpotDump(after, KpiTruth.hubSpotRules(), ZONE));
        }
    }
}
