package io.scoreline.app.http;

import static io.scoreline.pipeline.db.Tables.CRM_RECORDS;
import static io.scoreline.pipeline.db.Tables.KPI_FACTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.identities.CrmIdentityStore;
import io.scoreline.pipeline.inbox.InboxStatus;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.sync.ConnectorOpener;
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
import io.scoreline.sim.data.RecordMeta;
import io.scoreline.sim.http.Delivery;
import io.scoreline.sim.http.RetrySchedule;
import io.scoreline.sim.salesforce.SalesforceOutboundMessenger;
import io.scoreline.sim.salesforce.SalesforceRow;
import io.scoreline.testing.KpiTruth;
import io.scoreline.testing.OutboundMessages;
import io.scoreline.testing.ScorelineServer;
import io.scoreline.testing.TestPostgres;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Salesforce outbound messages from the simulator through the real server and inbox into
 * {@code kpi_values}: after a sync and a round of edits delivered as messages, the values equal
 * an independent evaluation of the simulator's dump, also when the server stopped between the
 * inbox insert and processing, and when a stale message arrives after a newer one. A forged
 * message, from the right org to the right endpoint secret, changes no fact: the state is read
 * back from Salesforce (ADR 0020).
 */
class SalesforceWebhookFlowIT {

    @TempDir
    Path dumps;

    @Test
    void outboundMessagesMoveKpiValuesToTheSimulatorsTruthAcrossARestart() throws Exception {
        var database = TestPostgres.freshDatabase();
        try (var sims =
                Simulators.start(SimulatorOptions.defaults().withSeed(21).withVolume(3, 6))) {
            long organizationId;
            long integrationId;
            EndpointSecret secret;
            var rules = KpiTruth.salesforceRules();
            List<SalesforceRow> changed;
            try (var server = ScorelineServer.start(database, Map.of())) {
                organizationId = server.bean(OrganizationStore.class)
                        .create(NewOrganization.of("sfhooks", "SF hooks", "America/New_York", "monday"))
                        .id();
                var connected = connect(server, sims, organizationId);
                integrationId = connected.integration().id();
                secret = connected.endpointSecret().orElseThrow();
                var sync = server.bean(SyncService.class).sync(integrationId, SyncTrigger.MANUAL);
                assertThat(sync.status()).as(sync.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
                var zone = java.time.ZoneId.of("America/New_York");
                assertThat(KpiTruth.stored(server.bean(TenantTransactions.class), organizationId))
                        .isEqualTo(KpiTruth.fromSalesforceDump(dump(sims, "before"), rules, zone));

                changed = changeSomeRecords(sims);
                // Acknowledged means committed: every notification is in the inbox when the deliveries complete.
                var deliveries = deliver(sims, server, integrationId, secret, changed);
                assertThat(deliveries).allSatisfy(d -> assertThat(d).isInstanceOf(Delivery.Delivered.class));
                assertThat(server.bean(InboxStore.class).list(organizationId, Optional.of(InboxStatus.PENDING), 1000))
                        .hasSize(changed.size());
                // The server stops before any worker processed them.
            }
            try (var restarted = ScorelineServer.start(database, Map.of())) {
                assertThat(restarted.bean(InboxWorkers.class).drain()).isEqualTo(changed.size());
                var inbox = restarted.bean(InboxStore.class);
                assertThat(inbox.list(organizationId, Optional.empty(), 1000))
                        .allSatisfy(e -> assertThat(e.status())
                                .as(e.lastError().orElse(""))
                                .isEqualTo(InboxStatus.DONE));
                var transactions = restarted.bean(TenantTransactions.class);
                var zone = java.time.ZoneId.of("America/New_York");
                var truth = KpiTruth.fromSalesforceDump(dump(sims, "after"), rules, zone);
                assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(truth);

                // A stale message arriving after a newer one leaves the record in its latest state.
                var call = changed.stream()
                        .filter(r -> r.type().name().equals("Task"))
                        .findFirst()
                        .orElseThrow();
                var latest = storedModstamp(transactions, organizationId, integrationId, call.id());
                var stale = new LinkedHashMap<String, String>();
                stale.put("Id", call.id());
                rules.fieldsByObject().get("Task").forEach(f -> stale.put(f, "x"));
                stale.put("SystemModstamp", latest.minus(Duration.ofHours(1)).toString());
                stale.put("Status", "Not Started");
                stale.put("TaskSubtype", "Email");
                var response = restarted.post(
                        WebhookController.path(integrationId, secret),
                        OutboundMessages.envelope(
                                        sims.salesforce().orgId(),
                                        List.of(new OutboundMessages.Notification("04l000000009999AAA", "Task", stale)))
                                .getBytes(StandardCharsets.UTF_8),
                        Map.of("Content-Type", "text/xml"));
                assertThat(response.body()).contains("<Ack>true</Ack>");
                assertThat(restarted.bean(InboxWorkers.class).drain()).isEqualTo(1);
                assertThat(storedModstamp(transactions, organizationId, integrationId, call.id()))
                        .isEqualTo(latest);
                assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(truth);
            }
        }
    }

    @Test
    void aForgedMessageFromTheRightOrgToTheRightSecretChangesNoFact() throws Exception {
        try (var sims = Simulators.start(
                        SimulatorOptions.defaults().withSeed(23).withVolume(3, 6));
                var server = ScorelineServer.start(TestPostgres.freshDatabase(), Map.of())) {
            var zone = java.time.ZoneId.of("Europe/Berlin");
            long organizationId = server.bean(OrganizationStore.class)
                    .create(NewOrganization.of("sfforged", "SF forged", zone.getId(), "monday"))
                    .id();
            var connected = connect(server, sims, organizationId);
            long integrationId = connected.integration().id();
            var sync = server.bean(SyncService.class).sync(integrationId, SyncTrigger.MANUAL);
            assertThat(sync.status()).as(sync.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            var transactions = server.bean(TenantTransactions.class);
            var truth = KpiTruth.fromSalesforceDump(dump(sims, "forged"), KpiTruth.salesforceRules(), zone);
            assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(truth);
            var factsBefore = facts(transactions, organizationId);

            // What the attacker of issue 18 sent: an open deal "won" for 999,999,999 and a call that never happened,
            // newer than anything stored, every rule field filled in, and an id Salesforce does not know.
            var deal = sims.dataset().stream(ActivityKind.DEAL)
                    .filter(a -> !a.meta().deleted() && ((Activity.Deal) a).stage() != DealStage.CLOSED_WON)
                    .findFirst()
                    .map(a -> row(sims, a))
                    .orElseThrow();
            var call = sims.dataset().stream(ActivityKind.CALL)
                    .filter(a -> !a.meta().deleted())
                    .findFirst()
                    .map(a -> row(sims, a))
                    .orElseThrow();
            var future = Instant.now().plus(Duration.ofDays(1)).toString();
            var forgedDeal = new LinkedHashMap<String, String>();
            forgedDeal.put("Id", deal.id());
            forgedDeal.put("IsWon", "true");
            forgedDeal.put("IsClosed", "true");
            forgedDeal.put("StageName", "Closed Won");
            forgedDeal.put("Amount", "999999999");
            forgedDeal.put("CloseDate", LocalDate.now(zone).toString());
            forgedDeal.put("OwnerId", String.valueOf(deal.value("OwnerId")));
            forgedDeal.put("CreatedById", String.valueOf(deal.value("OwnerId")));
            forgedDeal.put("CreatedDate", future);
            forgedDeal.put("SystemModstamp", future);
            var forgedCall = new LinkedHashMap<String, String>();
            forgedCall.put("Id", call.id());
            forgedCall.put("TaskSubtype", "Call");
            forgedCall.put("Status", "Completed");
            forgedCall.put("CallDisposition", "Connected");
            forgedCall.put("CallDurationInSeconds", "999999");
            forgedCall.put("OwnerId", String.valueOf(call.value("OwnerId")));
            forgedCall.put("CreatedDate", future);
            forgedCall.put("SystemModstamp", future);
            // Every field the rules read is in the message: the case that was once written as sent.
            var rules = KpiTruth.salesforceRules();
            fillIn(forgedDeal, rules.fieldsByObject().get("Opportunity"), future);
            fillIn(forgedCall, rules.fieldsByObject().get("Task"), future);
            var invented = new LinkedHashMap<>(forgedCall);
            invented.put("Id", "00T00000000FORGEAA");
            var xml = OutboundMessages.envelope(
                    sims.salesforce().orgId(),
                    List.of(
                            new OutboundMessages.Notification("04l000000008881AAA", "Opportunity", forgedDeal),
                            new OutboundMessages.Notification("04l000000008884AAA", "Opportunity", forgedDeal),
                            new OutboundMessages.Notification("04l000000008882AAA", "Task", forgedCall),
                            new OutboundMessages.Notification("04l000000008883AAA", "Task", invented)));
            var response = server.post(
                    WebhookController.path(
                            integrationId, connected.endpointSecret().orElseThrow()),
                    xml.getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", "text/xml"));
            assertThat(response.body()).contains("<Ack>true</Ack>");
            long callsBefore = sims.salesforceSimulator().quota().used();
            assertThat(server.bean(InboxWorkers.class).drain()).isEqualTo(4);

            assertThat(server.bean(InboxStore.class).list(organizationId, Optional.empty(), 10))
                    .allSatisfy(e ->
                            assertThat(e.status()).as(e.lastError().orElse("")).isEqualTo(InboxStatus.DONE));
            assertThat(facts(transactions, organizationId)).isEqualTo(factsBefore);
            assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(truth);
            assertThat(storedModstamp(transactions, organizationId, integrationId, deal.id()))
                    .isBefore(Instant.parse(future));
            // Read back: one query per object, however many notifications (two about the deal share its read).
            assertThat(sims.salesforceSimulator().quota().used() - callsBefore).isEqualTo(2);
        }
    }

    /** Gives every rule field the message lacks a plausible value, so that nothing about the message asks for a read. */
    private static void fillIn(Map<String, String> fields, java.util.Set<String> ruleFields, String timestamp) {
        for (var field : ruleFields) {
            fields.computeIfAbsent(
                    field,
                    f -> f.endsWith("DateTime") || f.equals("CreatedDate") || f.equals("SystemModstamp")
                            ? timestamp
                            : f.endsWith("Date")
                                    ? timestamp.substring(0, 10)
                                    : f.endsWith("Id") ? String.valueOf(fields.get("OwnerId")) : "x");
        }
        assertThat(fields.keySet()).containsAll(ruleFields);
    }

    private static List<String> facts(TenantTransactions transactions, long organizationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.select(KPI_FACTS.KPI_KEY, KPI_FACTS.RECORD_ID, KPI_FACTS.VALUE, KPI_FACTS.LOCAL_DATE)
                        .from(KPI_FACTS)
                        .orderBy(KPI_FACTS.KPI_KEY, KPI_FACTS.RECORD_ID)
                        .fetch()
                        .map(r -> r.value1() + " " + r.value2() + " "
                                + r.value3().stripTrailingZeros().toPlainString() + " " + r.value4()));
    }

    private static IntegrationStore.Connected connect(
            ScorelineServer server, RunningSimulators sims, long organizationId) throws Exception {
        var sf = sims.salesforce();
        var integrations = server.bean(IntegrationStore.class);
        var connected = integrations.connect(NewIntegration.of(
                        organizationId,
                        CrmProvider.SALESFORCE,
                        new CrmCredentials.RefreshToken(sf.clientId(), sf.clientSecret(), sf.refreshToken()),
                        Optional.of(sf.loginUrl().toString()),
                        Optional.empty(),
                        Optional.empty())
                .withWebhookAccountId(Optional.of(sf.orgId())));
        var integration = connected.integration();
        server.bean(RuleSetStore.class)
                .saveNewVersion(
                        organizationId,
                        integration.id(),
                        Files.readString(Path.of("mappings/salesforce.yaml")),
                        "test");
        try (var connector = server.bean(ConnectorOpener.class).open(integration)) {
            server.bean(CrmIdentityStore.class).sync(organizationId, integration.id(), connector.users(), true);
        }
        return connected;
    }

    /** Edits (connected calls, a reassignment, won deals) and new records, as the sales team would make them. */
    private static List<SalesforceRow> changeSomeRecords(RunningSimulators sims) {
        var dataset = sims.dataset();
        var now = Instant.now().plusSeconds(5);
        var rows = new ArrayList<SalesforceRow>();
        var calls = dataset.stream(ActivityKind.CALL)
                .filter(a -> !a.meta().deleted())
                .limit(12)
                .toList();
        for (int i = 0; i < calls.size(); i++) {
            var call = (Activity.Call) calls.get(i);
            var meta = i % 4 == 0
                    ? call.meta()
                            .reassigned(
                                    (call.meta().ownerRep() + 1)
                                            % dataset.reps().size(),
                                    now)
                    : call.meta().modified(now);
            rows.add(row(
                    sims,
                    dataset.update(new Activity.Call(
                            meta,
                            call.subject(),
                            call.outbound(),
                            call.durationSeconds() + 60,
                            CallOutcome.CONNECTED))));
        }
        dataset.stream(ActivityKind.DEAL)
                .filter(a -> !a.meta().deleted())
                .limit(4)
                .toList()
                .forEach(a -> {
                    var deal = (Activity.Deal) a;
                    rows.add(row(
                            sims,
                            dataset.update(new Activity.Deal(
                                    deal.meta().modified(now),
                                    deal.name(),
                                    deal.amount(),
                                    DealStage.CLOSED_WON,
                                    deal.closeDate()))));
                });
        var today = now.atZone(dataset.spec().zone()).toLocalDate();
        for (int i = 0; i < 3; i++) {
            rows.add(row(
                    sims,
                    dataset.create(
                            ActivityKind.DEAL,
                            index -> new Activity.Deal(
                                    new RecordMeta(ActivityKind.DEAL, index, 1, 1, now, now, null),
                                    "Webhook deal " + index,
                                    BigDecimal.valueOf(2_500),
                                    DealStage.CLOSED_WON,
                                    today))));
        }
        return rows;
    }

    private static SalesforceRow row(RunningSimulators sims, Activity activity) {
        return sims.salesforceSimulator().records().row(activity);
    }

    private static List<Delivery> deliver(
            RunningSimulators sims,
            ScorelineServer server,
            long integrationId,
            EndpointSecret secret,
            List<SalesforceRow> rows) {
        try (var messenger = new SalesforceOutboundMessenger(
                server.uri(WebhookController.path(integrationId, secret)),
                sims.salesforce().orgId(),
                sims.salesforce().instanceUrl(),
                new RetrySchedule(3, Duration.ofMillis(50), Duration.ofMillis(200)))) {
            return messenger.send(rows).join();
        }
    }

    private Path dump(RunningSimulators sims, String name) throws Exception {
        var directory = Files.createDirectories(dumps.resolve(name));
        sims.dump(directory);
        return directory;
    }

    private static Instant storedModstamp(
            TenantTransactions transactions, long organizationId, long integrationId, String recordId) {
        return transactions
                .inOrganization(
                        organizationId,
                        tx -> tx.select(CRM_RECORDS.MODSTAMP)
                                .from(CRM_RECORDS)
                                .where(CRM_RECORDS.INTEGRATION_ID.eq(integrationId))
                                .and(CRM_RECORDS.RECORD_ID.eq(recordId))
                                .fetchSingle(CRM_RECORDS.MODSTAMP))
                .toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
