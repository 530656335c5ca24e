package io.scoreline.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.Problem;
import io.scoreline.mappings.RuleSet;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.identities.CrmIdentityStore;
import io.scoreline.pipeline.inbox.InboxStatus;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.rules.RuleSetChange;
import io.scoreline.pipeline.rules.RuleSetVersions;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.sync.BackfillService;
import io.scoreline.pipeline.sync.ConnectorOpener;
import io.scoreline.pipeline.sync.ProgressListener;
import io.scoreline.pipeline.sync.SyncOutcome;
import io.scoreline.pipeline.sync.SyncService;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.RunningSimulators;
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
import io.scoreline.sim.salesforce.SalesforceOutboundMessenger;
import io.scoreline.sim.salesforce.SalesforceRow;
import io.scoreline.testing.KpiTruth;
import io.scoreline.testing.ScorelineServer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Custom fields as KPI conditions (issue 20), end to end against each simulator through the real
 * server: the rules are stored through {@link RuleSetVersions} (which reads the integration's catalog
 * from its CRM first), and the backfill, a sync after live changes and webhooks (a Salesforce outbound
 * message; HubSpot {@code propertyChange} events of {@code call_quality}) each leave the KPI values
 * equal to an independent evaluation of the simulator's dump. Storing rules against the discovered
 * catalog warns on a misspelt picklist value, a HubSpot option's label and a formula field, and rejects
 * an unknown custom field: the describe and properties answers reach the checker.
 */
class CustomFieldKpisIT {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    // Yesterday where the simulated reps work (New York): a UTC date would hold records still in the future just after
    // midnight UTC.
    private static final LocalDate LAST_DAY = SimulatorOptions.defaults().effectiveLastDay();

    static final String SALESFORCE_RULES = """
            provider: salesforce
            kpis:
              connected_calls_outcome:
                object: Task
                when: Call_Outcome__c = 'Connected'
              sourced_inbound_deals:
                object: Opportunity
                when: Sourced_By__c = 'Inbound'
            """;

    static final String HUBSPOT_RULES = """
            provider: hubspot
            kpis:
              good_quality_calls:
                object: calls
                when: call_quality = 'good'
            """;

    @TempDir
    Path dumps;

    @Test
    void salesforceCustomFieldsThroughBackfillSyncAndOutboundMessages() throws Exception {
        try (var sims = Simulators.start(options(51));
                var server = ScorelineServer.start(Map.of())) {
            var rules = compile(SALESFORCE_RULES, salesforceTruthCatalog());
            var organizationId = organization(server, "sffields");
            var connected = server.bean(IntegrationStore.class).connect(salesforce(sims, organizationId));
            long integrationId = connected.integration().id();
            EndpointSecret secret = connected.endpointSecret().orElseThrow();
            prepare(server, organizationId, integrationId, SALESFORCE_RULES);

            backfill(server, sims, integrationId);
            var transactions = server.bean(TenantTransactions.class);
            var afterBackfill = truth(sims, CrmProvider.SALESFORCE, rules, "backfill");
            assertThat(afterBackfill.keySet())
                    .anyMatch(key -> key.contains("connected_calls_outcome"))
                    .anyMatch(key -> key.contains("sourced_inbound_deals"));
            assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(afterBackfill);

            changeCallOutcomes(sims, 6);
            reassignAndDeleteDeals(sims);
            assertSucceeded(server.bean(SyncService.class).sync(integrationId, SyncTrigger.MANUAL));
            var afterSync = truth(sims, CrmProvider.SALESFORCE, rules, "sync");
            assertThat(afterSync).as("the live changes move KPI values").isNotEqualTo(afterBackfill);
            assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(afterSync);

            var changes = recorded(sims, () -> {
                changeCallOutcomes(sims, 6);
                reassignAndDeleteDeals(sims);
            });
            var rows = new ArrayList<SalesforceRow>();
            for (var change : changes) {
                rows.add(sims.salesforceSimulator().records().row(change.after()));
            }
            try (var messenger = new SalesforceOutboundMessenger(
                    server.uri(WebhookController.path(integrationId, secret)),
                    sims.salesforce().orgId(),
                    sims.salesforce().instanceUrl(),
                    new RetrySchedule(3, Duration.ofMillis(50), Duration.ofMillis(200)))) {
                assertThat(messenger.send(rows).join())
                        .allSatisfy(d -> assertThat(d).isInstanceOf(Delivery.Delivered.class));
            }
            assertThat(server.bean(InboxWorkers.class).drain()).isPositive();
            assertAllDone(server, organizationId);
            var afterWebhooks = truth(sims, CrmProvider.SALESFORCE, rules, "webhooks");
            assertThat(afterWebhooks).as("the changes move KPI values").isNotEqualTo(afterSync);
            assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(afterWebhooks);
        }
    }

    @Test
    void hubSpotCallQualityThroughBackfillSyncAndPropertyChangeWebhooks() throws Exception {
        try (var sims = Simulators.start(options(53));
                var server = ScorelineServer.start(Map.of())) {
            var rules = compile(HUBSPOT_RULES, hubSpotTruthCatalog());
            var organizationId = organization(server, "hsfields");
            long integrationId = server.bean(IntegrationStore.class)
                    .add(hubSpot(sims, organizationId))
                    .id();
            prepare(server, organizationId, integrationId, HUBSPOT_RULES);

            backfill(server, sims, integrationId);
            var transactions = server.bean(TenantTransactions.class);
            var afterBackfill = truth(sims, CrmProvider.HUBSPOT, rules, "backfill");
            assertThat(afterBackfill.keySet()).allMatch(key -> key.contains("good_quality_calls"));
            assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(afterBackfill);

            var syncChangesAt = Instant.now().plusSeconds(5);
            changeCallOutcomes(sims, 12, syncChangesAt);
            assertSucceeded(server.bean(SyncService.class).sync(integrationId, SyncTrigger.MANUAL));
            var afterSync = truth(sims, CrmProvider.HUBSPOT, rules, "sync");
            assertThat(afterSync).as("the live changes move KPI values").isNotEqualTo(afterBackfill);
            assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(afterSync);

            // A property change is dated when it is made (the event's occurredAt); one dated before the
            // state we hold is taken as already in it (ADR 0016), so these are made after the synced ones.
            await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(syncChangesAt));
            var webhookEvents = sims.hubSpotSimulator().webhookEvents(ZONE, Clock.systemUTC());
            var events = new ArrayList<HubSpotWebhookEvent>();
            recorded(sims, () -> changeCallOutcomes(sims, 12, Instant.now()))
                    .forEach(change -> events.addAll(webhookEvents.of(change)));
            assertThat(events)
                    .as("some calls change quality when they connect or stop connecting")
                    .anyMatch(event -> "call_quality".equals(event.propertyName()));
            try (var emitter = new HubSpotWebhookEmitter(
                    server.uri("/webhooks/hubspot"),
                    sims.hubSpot().clientSecret(),
                    Clock.systemUTC(),
                    new RetrySchedule(3, Duration.ofMillis(50), Duration.ofMillis(200)))) {
                assertThat(emitter.send(events).join())
                        .allSatisfy(d -> assertThat(d).isInstanceOf(Delivery.Delivered.class));
            }
            assertThat(server.bean(InboxWorkers.class).drain()).isPositive();
            assertAllDone(server, organizationId);
            var afterWebhooks = truth(sims, CrmProvider.HUBSPOT, rules, "webhooks");
            assertThat(afterWebhooks).as("the changes move KPI values").isNotEqualTo(afterSync);
            assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(afterWebhooks);
        }
    }

    @Test
    void storingRulesAgainstTheDiscoveredCatalogsWarnsOnValuesLabelsAndFormulasAndRejectsUnknownFields() {
        try (var sims = Simulators.start(options(55));
                var server = ScorelineServer.start(Map.of())) {
            var organizationId = organization(server, "fieldwarnings");
            var versions = server.bean(RuleSetVersions.class);
            long salesforceId = server.bean(IntegrationStore.class)
                    .connect(salesforce(sims, organizationId))
                    .integration()
                    .id();
            long hubSpotId = server.bean(IntegrationStore.class)
                    .add(hubSpot(sims, organizationId))
                    .id();

            var misspelt = versions.set(salesforceId, """
                    provider: salesforce
                    kpis:
                      connected_calls_outcome:
                        object: Task
                        when: Call_Outcome__c = 'Conected'
                    """, "test");
            assertThat(misspelt).isInstanceOf(RuleSetChange.Stored.class);
            assertThat(warnings(((RuleSetChange.Stored) misspelt).problems()))
                    .anySatisfy(message -> assertThat(message)
                            .contains("Conected")
                            .contains("Connected")
                            .contains("Voicemail")
                            .contains("No Answer")
                            .contains("Wrong Number"));

            var formula = versions.set(salesforceId, """
                    provider: salesforce
                    kpis:
                      expected_revenue:
                        object: Opportunity
                        when: IsClosed = false
                        value: Expected_Revenue__c
                    """, "test");
            assertThat(formula).isInstanceOf(RuleSetChange.Stored.class);
            assertThat(warnings(((RuleSetChange.Stored) formula).problems()))
                    .anySatisfy(message -> assertThat(message)
                            .contains("Expected_Revenue__c")
                            .containsIgnoringCase("formula")
                            .contains("SCORELINE_FORMULA_REFRESH_WINDOW"));

            var unknown = versions.set(salesforceId, """
                    provider: salesforce
                    kpis:
                      connected_calls_outcome:
                        object: Task
                        when: Call_Outcom__c = 'Connected'
                    """, "test");
            assertThat(unknown).isInstanceOf(RuleSetChange.Rejected.class);
            assertThat(((RuleSetChange.Rejected) unknown).problems()).anySatisfy(problem -> {
                assertThat(problem.severity()).isEqualTo(Problem.Severity.ERROR);
                assertThat(problem.message()).contains("Call_Outcom__c").contains("did you mean Call_Outcome__c");
            });
            assertThat(versions.versions(salesforceId))
                    .as("the misspelt value and the formula were stored, the unknown field was not")
                    .hasSize(2);

            var label = versions.set(hubSpotId, """
                    provider: hubspot
                    kpis:
                      good_quality_calls:
                        object: calls
                        when: call_quality = 'Good'
                    """, "test");
            assertThat(label).isInstanceOf(RuleSetChange.Stored.class);
            assertThat(warnings(((RuleSetChange.Stored) label).problems()))
                    .anySatisfy(
                            message -> assertThat(message).contains("'Good'").contains("'good'"));
        }
    }

    private static List<String> warnings(List<Problem> problems) {
        return problems.stream()
                .filter(p -> p.severity() == Problem.Severity.WARNING)
                .map(Problem::message)
                .toList();
    }

    private static SimulatorOptions options(long seed) {
        return SimulatorOptions.defaults().withSeed(seed).withVolume(4, 20).withLastDay(LAST_DAY);
    }

    private static LocalDate firstDay(RunningSimulators sims) {
        return sims.dataset().spec().firstDay().minusDays(1);
    }

    private static long organization(ScorelineServer server, String slug) {
        return server.bean(OrganizationStore.class)
                .create(NewOrganization.of(slug, slug, ZONE.getId(), "monday"))
                .id();
    }

    private static NewIntegration salesforce(RunningSimulators sims, long organizationId) {
        var sf = sims.salesforce();
        return NewIntegration.of(
                        organizationId,
                        CrmProvider.SALESFORCE,
                        new CrmCredentials.RefreshToken(sf.clientId(), sf.clientSecret(), sf.refreshToken()),
                        Optional.of(sf.loginUrl().toString()),
                        Optional.empty(),
                        Optional.empty())
                .withWebhookAccountId(Optional.of(sf.orgId()));
    }

    private static NewIntegration hubSpot(RunningSimulators sims, long organizationId) {
        var hs = sims.hubSpot();
        return NewIntegration.of(
                organizationId,
                CrmProvider.HUBSPOT,
                new CrmCredentials.RefreshToken(hs.clientId(), hs.clientSecret(), hs.refreshToken()),
                Optional.empty(),
                Optional.of(hs.baseUrl().toString()),
                Optional.of(Long.toString(hs.portalId())));
    }

    /**
     * The rules stored as {@code mapping set} stores them: against the catalog the integration's CRM
     * reports (read now, none being stored yet), so the custom fields compile without warnings; then
     * the CRM's users linked.
     */
    private static void prepare(ScorelineServer server, long organizationId, long integrationId, String rules)
            throws Exception {
        var change = server.bean(RuleSetVersions.class).set(integrationId, rules, "test");
        assertThat(change).isInstanceOf(RuleSetChange.Stored.class);
        assertThat(((RuleSetChange.Stored) change).problems()).isEmpty();
        var integration = server.bean(IntegrationStore.class).require(integrationId);
        try (var connector = server.bean(ConnectorOpener.class).open(integration)) {
            server.bean(CrmIdentityStore.class).sync(organizationId, integrationId, connector.users(), true);
        }
    }

    private static void backfill(ScorelineServer server, RunningSimulators sims, long integrationId) {
        assertSucceeded(server.bean(BackfillService.class)
                .run(integrationId, firstDay(sims), LAST_DAY, false, ProgressListener.none()));
    }

    private static void assertSucceeded(SyncOutcome outcome) {
        assertThat(outcome.status()).as(outcome.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
    }

    private static void assertAllDone(ScorelineServer server, long organizationId) {
        assertThat(server.bean(InboxStore.class).list(organizationId, Optional.empty(), 10_000))
                .isNotEmpty()
                .allSatisfy(
                        e -> assertThat(e.status()).as(e.lastError().orElse("")).isEqualTo(InboxStatus.DONE));
    }

    /** The dataset's changes made by {@code edits}, in order. */
    private static List<RecordChange> recorded(RunningSimulators sims, Runnable edits) {
        var changes = new CopyOnWriteArrayList<RecordChange>();
        sims.dataset().onChange(changes::add);
        edits.run();
        assertThat(changes).isNotEmpty();
        return List.copyOf(changes);
    }

    /**
     * Live calls of the window that did not connect now connect, and as many that connected now go
     * unanswered: Call_Outcome__c moves both ways and some calls' call_quality with it.
     */
    private static void changeCallOutcomes(RunningSimulators sims, int count) {
        changeCallOutcomes(sims, count, Instant.now().plusSeconds(5));
    }

    private static void changeCallOutcomes(RunningSimulators sims, int count, Instant now) {
        var dataset = sims.dataset();
        var live = dataset.stream(ActivityKind.CALL)
                .filter(c -> !c.meta().deleted())
                .map(c -> (Activity.Call) c)
                .toList();
        var unconnected =
                live.stream().filter(c -> !c.outcome().connected()).limit(count).toList();
        var connected =
                live.stream().filter(c -> c.outcome().connected()).limit(count).toList();
        assertThat(unconnected).hasSize(count);
        assertThat(connected).hasSize(count);
        unconnected.forEach(c -> dataset.update(withOutcome(c, CallOutcome.CONNECTED, now)));
        connected.forEach(c -> dataset.update(withOutcome(c, CallOutcome.NO_ANSWER, now)));
    }

    private static Activity.Call withOutcome(Activity.Call call, CallOutcome outcome, Instant at) {
        return new Activity.Call(
                call.meta().modified(at), call.subject(), call.outbound(), call.durationSeconds(), outcome);
    }

    /** Two live deals change owner and two are deleted: their Sourced_By__c stays, who is credited moves. */
    private static void reassignAndDeleteDeals(RunningSimulators sims) {
        var dataset = sims.dataset();
        var now = Instant.now().plusSeconds(5);
        var live = dataset.stream(ActivityKind.DEAL)
                .filter(d -> !d.meta().deleted())
                .limit(4)
                .toList();
        assertThat(live).hasSize(4);
        live.subList(0, 2)
                .forEach(d -> dataset.update(d.withMeta(d.meta()
                        .reassigned((d.meta().ownerRep() + 1) % dataset.reps().size(), now))));
        live.subList(2, 4).forEach(d -> dataset.update(d.withMeta(d.meta().deletedAt(now))));
    }

    private Map<String, BigDecimal> truth(RunningSimulators sims, CrmProvider provider, RuleSet rules, String name)
            throws Exception {
        var directory = Files.createDirectories(dumps.resolve(name));
        sims.dump(directory);
        var truth = KpiTruth.fromDump(directory, provider, rules, ZONE);
        assertThat(truth).isNotEmpty();
        return truth;
    }

    private static RuleSet compile(String document, FieldCatalog catalog) {
        var result = MappingCompiler.compile(document, catalog);
        assertThat(result).isInstanceOf(CompileResult.Compiled.class);
        return ((CompileResult.Compiled) result).ruleSet();
    }

    /**
     * What the truth side compiles the rules against: the stock objects with the custom fields as the
     * simulators describe them, written out here so that the expected values do not depend on the
     * code under test (the discovered catalog).
     */
    static FieldCatalog salesforceTruthCatalog() {
        return FieldCatalog.stock(CrmProvider.SALESFORCE)
                .withField("Task", "Call_Outcome__c", FieldType.STRING)
                .withField("Opportunity", "Sourced_By__c", FieldType.STRING);
    }

    static FieldCatalog hubSpotTruthCatalog() {
        return FieldCatalog.stock(CrmProvider.HUBSPOT).withField("calls", "call_quality", FieldType.STRING);
    }
}
