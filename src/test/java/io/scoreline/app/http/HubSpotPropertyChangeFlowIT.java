package io.scoreline.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.app.config.WebhookSettings;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.inbox.InboxEntry;
import io.scoreline.pipeline.inbox.InboxEvent;
import io.scoreline.pipeline.inbox.InboxStatus;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.rules.RuleSetChange;
import io.scoreline.pipeline.rules.RuleSetVersions;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.sync.SyncService;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.data.CallOutcome;
import io.scoreline.sim.http.Delivery;
import io.scoreline.sim.http.RetrySchedule;
import io.scoreline.sim.hubspot.HubSpotWebhookEmitter;
import io.scoreline.sim.hubspot.HubSpotWebhookEvent;
import io.scoreline.testing.ScorelineServer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * HubSpot property changes through the real server, inbox workers and simulator (ADR 0016). The
 * events here say something the simulator does not (a call it holds as "No answer" was
 * "Connected"), so where a record ends shows what happened: the event's value is applied at once,
 * and the read that verifies it later puts back the CRM's own state.
 */
class HubSpotPropertyChangeFlowIT {

    private static final String DISPOSITION = "hs_call_disposition";
    private static final AtomicLong EVENT_IDS = new AtomicLong(9_000_000);

    @Test
    void changesAreAppliedFromTheirEventsAndTheRecordIsReadBackLater() throws Exception {
        try (var sims = Simulators.start(
                        SimulatorOptions.defaults().withSeed(41).withVolume(3, 6));
                var server = ScorelineServer.start(Map.of(WebhookSettings.VERIFY_AFTER, "PT1H"))) {
            var hub = connectAndSync(server, sims);
            var calls = callsWithOutcome(hub, CallOutcome.NO_ANSWER, 3);
            var connectsBefore = connects(hub);
            var fresh = calls.get(0);
            var stale = calls.get(1);
            var unread = calls.get(2);

            var workers = server.bean(InboxWorkers.class);
            workers.start();
            post(
                    server,
                    sims,
                    List.of(
                            change(
                                    sims,
                                    fresh.id(),
                                    fresh.modstamp().plusSeconds(60),
                                    DISPOSITION,
                                    CallOutcome.CONNECTED.hubSpotId()),
                            change(
                                    sims,
                                    stale.id(),
                                    stale.modstamp().minusSeconds(60),
                                    DISPOSITION,
                                    CallOutcome.CONNECTED.hubSpotId()),
                            change(
                                    sims,
                                    unread.id(),
                                    unread.modstamp().plusSeconds(60),
                                    "hs_call_title",
                                    "Renewal call")));
            var events = awaitEventsDone(server, hub, 3);
            workers.stop();

            // Applied from the event: the simulator still says "No answer".
            assertThat(disposition(hub, fresh.id())).isEqualTo(CallOutcome.CONNECTED.hubSpotId());
            assertThat(hasConnectFact(hub, fresh.id())).isTrue();
            assertThat(connects(hub)).isEqualByComparingTo(connectsBefore.add(BigDecimal.ONE));
            // Older than the state we held, which already reflects it: nothing to apply.
            assertThat(disposition(hub, stale.id())).isEqualTo(CallOutcome.NO_ANSWER.hubSpotId());
            assertThat(hasConnectFact(hub, stale.id())).isFalse();
            // A property no rule reads changes nothing we store now.
            assertThat(modstamp(hub, unread.id())).isEqualTo(unread.modstamp());
            // Reads are scheduled, not yet due, for the records with newer changes: a property no
            // rule reads may move one HubSpot computes.
            var scheduled = inbox(server, hub).stream()
                    .filter(e -> e.eventType().equals(InboxEvent.VERIFY))
                    .toList();
            assertThat(scheduled).extracting(InboxEntry::recordId).containsExactlyInAnyOrder(fresh.id(), unread.id());
            assertThat(scheduled).allSatisfy(e -> assertThat(e.status()).isEqualTo(InboxStatus.PENDING));
            assertThat(events).allSatisfy(e -> assertThat(e.processedAt()).isPresent());

            // The verification reads the record: the CRM's state stands again.
            workers.drain();
            assertThat(inbox(server, hub))
                    .hasSize(5)
                    .allSatisfy(e ->
                            assertThat(e.status()).as(e.lastError().orElse("")).isEqualTo(InboxStatus.DONE));
            assertThat(disposition(hub, fresh.id())).isEqualTo(CallOutcome.NO_ANSWER.hubSpotId());
            assertThat(hasConnectFact(hub, fresh.id())).isFalse();
            assertThat(connects(hub)).isEqualByComparingTo(connectsBefore);
        }
    }

    @Test
    void withValuesTurnedOffEveryChangeReadsTheRecordBack() throws Exception {
        try (var sims = Simulators.start(
                        SimulatorOptions.defaults().withSeed(43).withVolume(3, 6));
                var server = ScorelineServer.start(Map.of(WebhookSettings.APPLY_VALUES, "false"))) {
            var hub = connectAndSync(server, sims);
            var call = callsWithOutcome(hub, CallOutcome.NO_ANSWER, 1).getFirst();

            post(
                    server,
                    sims,
                    List.of(change(
                            sims,
                            call.id(),
                            call.modstamp().plusSeconds(60),
                            DISPOSITION,
                            CallOutcome.CONNECTED.hubSpotId())));
            server.bean(InboxWorkers.class).drain();

            // Read back at once, so the simulator's value stands, and nothing is left to verify.
            assertThat(inbox(server, hub)).singleElement().satisfies(e -> {
                assertThat(e.status()).as(e.lastError().orElse("")).isEqualTo(InboxStatus.DONE);
                assertThat(e.eventType()).isEqualTo("object.propertyChange");
            });
            assertThat(disposition(hub, call.id())).isEqualTo(CallOutcome.NO_ANSWER.hubSpotId());
            assertThat(hasConnectFact(hub, call.id())).isFalse();
        }
    }

    /**
     * ADR 0034: a record held without a field the rules read is read back, not amended. Synced
     * under rules without talk time, the calls were never read with hs_call_duration; once the
     * rules read it, a property change on such a call must not derive from the missing field.
     */
    @Test
    void aChangeToARecordHeldWithoutAFieldTheRulesReadIsReadBackInsteadOfApplied() throws Exception {
        try (var sims = Simulators.start(
                        SimulatorOptions.defaults().withSeed(47).withVolume(3, 6));
                var server = ScorelineServer.start(Map.of(WebhookSettings.VERIFY_AFTER, "PT1H"))) {
            var organizationId = server.bean(OrganizationStore.class)
                    .create(NewOrganization.of("hsfields", "HS fields", "America/New_York", "monday"))
                    .id();
            var integrationId = HubSpotTestIntegration.connect(server, sims, organizationId);
            var stock = java.nio.file.Files.readString(java.nio.file.Path.of("mappings/hubspot.yaml"));
            var withoutTalkTime = java.util.regex.Pattern.compile("(?m)^  talk_time_minutes:\\n(    .*\\n)+")
                    .matcher(stock)
                    .replaceAll("");
            var versions = server.bean(RuleSetVersions.class);
            versions.setOrFail(integrationId, withoutTalkTime, "test", "rules-a");
            var sync = server.bean(SyncService.class).sync(integrationId, SyncTrigger.MANUAL);
            assertThat(sync.status()).as(sync.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            var hub = new Hub(server.bean(TenantTransactions.class), organizationId, integrationId);
            var call = callsWithOutcome(hub, CallOutcome.NO_ANSWER, 1).getFirst();
            assertThat(storedFields(hub, call.id())).doesNotContain("hs_call_duration");
            var stored = (RuleSetChange.Stored) versions.setOrFail(integrationId, stock, "test", "rules-b");
            assertThat(stored.missing().gaps())
                    .singleElement()
                    .satisfies(gap -> assertThat(gap.fields()).containsExactly("hs_call_duration"));

            post(
                    server,
                    sims,
                    List.of(change(
                            sims,
                            call.id(),
                            call.modstamp().plusSeconds(60),
                            DISPOSITION,
                            CallOutcome.CONNECTED.hubSpotId())));
            server.bean(InboxWorkers.class).drain();

            // Read back at once: the simulator's value stands, and the record is now held with the field.
            assertThat(inbox(server, hub))
                    .singleElement()
                    .satisfies(e ->
                            assertThat(e.status()).as(e.lastError().orElse("")).isEqualTo(InboxStatus.DONE));
            assertThat(disposition(hub, call.id())).isEqualTo(CallOutcome.NO_ANSWER.hubSpotId());
            assertThat(hasConnectFact(hub, call.id())).isFalse();
            assertThat(storedFields(hub, call.id())).contains("hs_call_duration");
        }
    }

    private static List<String> storedFields(Hub hub, String callId) {
        return hub.transactions()
                .inOrganization(
                        hub.organizationId(),
                        tx -> List.of(tx.resultQuery(
                                        "select s.fields from crm_records r join crm_field_sets s on s.id = r.field_set_id"
                                                + " where r.integration_id = {0} and r.object_type = 'calls' and r.record_id = {1}",
                                        DSL.val(hub.integrationId()), DSL.val(callId))
                                .fetchOne(0, String[].class)));
    }

    private record Hub(TenantTransactions transactions, long organizationId, long integrationId) {}

    private record HeldCall(String id, Instant modstamp) {}

    private static Hub connectAndSync(ScorelineServer server, RunningSimulators sims) throws Exception {
        var organizationId = server.bean(OrganizationStore.class)
                .create(NewOrganization.of("hsvalues", "HS values", "America/New_York", "monday"))
                .id();
        var integrationId = HubSpotTestIntegration.connect(server, sims, organizationId);
        var sync = server.bean(SyncService.class).sync(integrationId, SyncTrigger.MANUAL);
        assertThat(sync.status()).as(sync.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
        return new Hub(server.bean(TenantTransactions.class), organizationId, integrationId);
    }

    /** Calls we hold with an outcome, owned by someone (so their facts reach kpi_values). */
    private static List<HeldCall> callsWithOutcome(Hub hub, CallOutcome outcome, int count) {
        var calls = hub.transactions()
                .inOrganization(
                        hub.organizationId(),
                        tx -> tx.resultQuery(
                                        """
                        select record_id, modstamp from crm_records
                         where integration_id = {0} and object_type = 'calls' and not deleted
                           and fields ->> 'hs_call_disposition' = {1} and fields ->> 'hubspot_owner_id' is not null
                         order by record_id limit {2}""", DSL.val(hub.integrationId()), DSL.val(outcome.hubSpotId()), DSL.val(count))
                                .fetch(r -> new HeldCall(
                                        r.get(0, String.class),
                                        r.get(1, OffsetDateTime.class).toInstant())));
        assertThat(calls).hasSize(count);
        return calls;
    }

    private static HubSpotWebhookEvent change(
            RunningSimulators sims, String callId, Instant at, String property, String value) {
        var credentials = sims.hubSpotSimulator().credentials();
        return new HubSpotWebhookEvent(
                EVENT_IDS.incrementAndGet(),
                200_100,
                credentials.portalId(),
                credentials.appId(),
                at.toEpochMilli(),
                "object.propertyChange",
                Long.parseLong(callId),
                "0-48",
                property,
                value,
                "CRM_UI",
                null);
    }

    private static void post(ScorelineServer server, RunningSimulators sims, List<HubSpotWebhookEvent> events) {
        try (var emitter = new HubSpotWebhookEmitter(
                server.uri("/webhooks/hubspot"),
                sims.hubSpot().clientSecret(),
                Clock.systemUTC(),
                new RetrySchedule(3, Duration.ofMillis(50), Duration.ofMillis(200)))) {
            assertThat(emitter.send(events).join())
                    .allSatisfy(d -> assertThat(d).isInstanceOf(Delivery.Delivered.class));
        }
    }

    private static List<InboxEntry> inbox(ScorelineServer server, Hub hub) {
        return server.bean(InboxStore.class).list(hub.organizationId(), Optional.empty(), 100);
    }

    /** Waits for the running workers to finish the webhook events (not a timing assertion: a generous bound on a hang). */
    private static List<InboxEntry> awaitEventsDone(ScorelineServer server, Hub hub, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            var events = inbox(server, hub).stream()
                    .filter(e -> !e.eventType().equals(InboxEvent.VERIFY))
                    .toList();
            if (events.size() == count && events.stream().allMatch(e -> e.status() == InboxStatus.DONE)) {
                return events;
            }
            assertThat(System.nanoTime()).as("events still waiting: %s", events).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String disposition(Hub hub, String callId) {
        return hub.transactions()
                .inOrganization(
                        hub.organizationId(),
                        tx -> tx.resultQuery(
                                        "select fields ->> 'hs_call_disposition' from crm_records where integration_id = {0} and object_type = 'calls' and record_id = {1}",
                                        DSL.val(hub.integrationId()), DSL.val(callId))
                                .fetchOne(0, String.class));
    }

    private static Instant modstamp(Hub hub, String callId) {
        return hub.transactions()
                .inOrganization(
                        hub.organizationId(),
                        tx -> tx.resultQuery(
                                        "select modstamp from crm_records where integration_id = {0} and object_type = 'calls' and record_id = {1}",
                                        DSL.val(hub.integrationId()), DSL.val(callId))
                                .fetchOne(0, OffsetDateTime.class)
                                .toInstant());
    }

    private static boolean hasConnectFact(Hub hub, String callId) {
        return hub.transactions()
                .inOrganization(
                        hub.organizationId(),
                        tx -> tx.resultQuery(
                                        "select exists (select 1 from kpi_facts where integration_id = {0} and object_type = 'calls' and record_id = {1} and kpi_key = 'call_connects')",
                                        DSL.val(hub.integrationId()), DSL.val(callId))
                                .fetchOne(0, Boolean.class));
    }

    private static BigDecimal connects(Hub hub) {
        return hub.transactions()
                .inOrganization(
                        hub.organizationId(),
                        tx -> tx.resultQuery(
                                        "select coalesce(sum(value), 0) from kpi_values where kpi_key = 'call_connects'")
                                .fetchOne(0, BigDecimal.class));
    }
}
