package io.scoreline.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.ObjectSchema;
import io.scoreline.mappings.RuleSet;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.identities.CrmIdentityStore;
import io.scoreline.pipeline.inbox.InboxStatus;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.integrations.EndpointSecret;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogs;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.sync.BackfillPlan;
import io.scoreline.pipeline.sync.BackfillService;
import io.scoreline.pipeline.sync.ConnectorOpener;
import io.scoreline.pipeline.sync.ProgressListener;
import io.scoreline.pipeline.sync.RemapService;
import io.scoreline.pipeline.sync.SyncOutcome;
import io.scoreline.pipeline.sync.SyncService;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.data.ActivityKind;
import io.scoreline.sim.data.DemoStatus;
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
 * A custom object as a KPI source (issue 20), end to end against each simulator through the real
 * server: a backfill's dry run counts the custom object's records and says what it pushes down; the
 * backfill, a later sync and webhooks (a Salesforce outbound message on {@code Product_Demo__c};
 * HubSpot {@code object.*} events with the portal's {@code 2-…} type id) each leave the KPI values
 * equal to an independent evaluation of the simulator's dump; deleted or archived demos retract their
 * facts. The rules name no stock object, so nothing here can pass on stock objects alone.
 */
class CustomObjectKpisIT {

    private static final ZoneId ZONE = ZoneId.of("America/New_York");
    // Yesterday where the simulated reps work (New York): a UTC date would hold records still in the future just after
    // midnight UTC.
    private static final LocalDate LAST_DAY = SimulatorOptions.defaults().effectiveLastDay();
    private static final String KPI = "demos_completed";

    static final String SALESFORCE_RULES = """
            provider: salesforce
            kpis:
              demos_completed:
                object: Product_Demo__c
                owner: OwnerId
                date: Demo_Date__c
                when: Status__c = 'Completed'
            """;

    static final String HUBSPOT_RULES = """
            provider: hubspot
            kpis:
              demos_completed:
                object: product_demos
                owner: hubspot_owner_id
                date: demo_date
                when: demo_status = 'completed'
            """;

    @TempDir
    Path dumps;

    @Test
    void salesforceProductDemosThroughBackfillSyncAndOutboundMessages() throws Exception {
        try (var sims = Simulators.start(options(41));
                var server = ScorelineServer.start(Map.of())) {
            var rules = compile(SALESFORCE_RULES, salesforceCatalog());
            var organizationId = organization(server, "sfdemos");
            var sf = sims.salesforce();
            var connected = server.bean(IntegrationStore.class)
                    .connect(NewIntegration.of(
                                    organizationId,
                                    CrmProvider.SALESFORCE,
                                    new CrmCredentials.RefreshToken(
                                            sf.clientId(), sf.clientSecret(), sf.refreshToken()),
                                    Optional.of(sf.loginUrl().toString()),
                                    Optional.empty(),
                                    Optional.empty())
                            .withWebhookAccountId(Optional.of(sf.orgId())));
            long integrationId = connected.integration().id();
            EndpointSecret secret = connected.endpointSecret().orElseThrow();
            prepare(server, organizationId, integrationId, SALESFORCE_RULES, "Product_Demo__c");

            var plan = server.bean(BackfillService.class).plan(integrationId, firstDay(sims), LAST_DAY);
            var demos = estimate(plan, "Product_Demo__c");
            assertThat(demos.pushNote()).isEqualTo("pushed");
            assertThat(demos.pushDown())
                    .hasValueSatisfying(
                            filter -> assertThat(filter).contains("Status__c").contains("Completed"));
            assertThat(demos.records())
                    .as("the pushed filter leaves only completed demos (deleted ones included, for retraction)")
                    .isEqualTo(sims.dataset().stream(ActivityKind.DEMO)
                            .filter(d -> ((Activity.Demo) d).status() == DemoStatus.COMPLETED)
                            .count())
                    .isPositive();

            backfill(server, sims, integrationId);
            var transactions = server.bean(TenantTransactions.class);
            assertThat(KpiTruth.stored(transactions, organizationId))
                    .isEqualTo(truth(sims, CrmProvider.SALESFORCE, rules, "backfill"));

            deleteSomeCompletedDemos(sims, 2);
            assertSucceeded(server.bean(SyncService.class).sync(integrationId, SyncTrigger.MANUAL));
            var afterSync = truth(sims, CrmProvider.SALESFORCE, rules, "sync");
            assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(afterSync);

            var changes = recordChanges(sims);
            var rows = new ArrayList<SalesforceRow>();
            for (var change : changes) {
                rows.add(sims.salesforceSimulator().records().row(change.after()));
            }
            try (var messenger = new SalesforceOutboundMessenger(
                    server.uri(WebhookController.path(integrationId, secret)),
                    sf.orgId(),
                    sf.instanceUrl(),
                    new RetrySchedule(3, Duration.ofMillis(50), Duration.ofMillis(200)))) {
                assertThat(messenger.send(rows).join())
                        .allSatisfy(d -> assertThat(d).isInstanceOf(Delivery.Delivered.class));
            }
            assertThat(server.bean(InboxWorkers.class).drain()).isGreaterThanOrEqualTo(rows.size());
            assertAllDone(server, organizationId);
            var afterWebhooks = truth(sims, CrmProvider.SALESFORCE, rules, "webhooks");
            assertThat(afterWebhooks).as("the changes move KPI values").isNotEqualTo(afterSync);
            assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(afterWebhooks);

            remapWithASecondKpi(
                    server, sims, organizationId, integrationId, CrmProvider.SALESFORCE, SALESFORCE_RULES + """
                      demos_no_show:
                        object: Product_Demo__c
                        owner: OwnerId
                        date: Demo_Date__c
                        when: Status__c = 'No Show'
                    """);
        }
    }

    @Test
    void hubSpotProductDemosThroughBackfillSyncAndCustomObjectWebhooks() throws Exception {
        try (var sims = Simulators.start(options(43));
                var server = ScorelineServer.start(Map.of())) {
            var rules = compile(HUBSPOT_RULES, hubSpotCatalog());
            var organizationId = organization(server, "hsdemos");
            var hs = sims.hubSpot();
            long integrationId = server.bean(IntegrationStore.class)
                    .add(NewIntegration.of(
                            organizationId,
                            CrmProvider.HUBSPOT,
                            new CrmCredentials.RefreshToken(hs.clientId(), hs.clientSecret(), hs.refreshToken()),
                            Optional.empty(),
                            Optional.of(hs.baseUrl().toString()),
                            Optional.of(Long.toString(hs.portalId()))))
                    .id();
            prepare(server, organizationId, integrationId, HUBSPOT_RULES, "product_demos");

            var plan = server.bean(BackfillService.class).plan(integrationId, firstDay(sims), LAST_DAY);
            var demos = estimate(plan, "product_demos");
            assertThat(demos.pushNote()).isEqualTo("pushed");
            assertThat(demos.pushDown())
                    .hasValueSatisfying(
                            filter -> assertThat(filter).contains("demo_status").contains("completed"));
            // Search never returns archived records (the archived list is read apart), so the count is of live ones.
            assertThat(demos.records())
                    .isEqualTo(sims.dataset().stream(ActivityKind.DEMO)
                            .filter(d -> !d.meta().deleted() && ((Activity.Demo) d).status() == DemoStatus.COMPLETED)
                            .count())
                    .isPositive();

            backfill(server, sims, integrationId);
            var transactions = server.bean(TenantTransactions.class);
            assertThat(KpiTruth.stored(transactions, organizationId))
                    .isEqualTo(truth(sims, CrmProvider.HUBSPOT, rules, "backfill"));

            deleteSomeCompletedDemos(sims, 2);
            assertSucceeded(server.bean(SyncService.class).sync(integrationId, SyncTrigger.MANUAL));
            var afterSync = truth(sims, CrmProvider.HUBSPOT, rules, "sync");
            assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(afterSync);

            var webhookEvents = sims.hubSpotSimulator().webhookEvents(ZONE, Clock.systemUTC());
            var events = new ArrayList<HubSpotWebhookEvent>();
            recordChanges(sims).forEach(change -> events.addAll(webhookEvents.of(change)));
            assertThat(events)
                    .isNotEmpty()
                    .allSatisfy(event -> assertThat(event.objectTypeId()).matches("2-\\d+"));
            try (var emitter = new HubSpotWebhookEmitter(
                    server.uri("/webhooks/hubspot"),
                    hs.clientSecret(),
                    Clock.systemUTC(),
                    new RetrySchedule(3, Duration.ofMillis(50), Duration.ofMillis(200)))) {
                assertThat(emitter.send(events).join())
                        .allSatisfy(d -> assertThat(d).isInstanceOf(Delivery.Delivered.class));
            }
            assertThat(server.bean(InboxWorkers.class).drain()).isGreaterThanOrEqualTo(events.size());
            assertAllDone(server, organizationId);
            var afterWebhooks = truth(sims, CrmProvider.HUBSPOT, rules, "webhooks");
            assertThat(afterWebhooks).as("the changes move KPI values").isNotEqualTo(afterSync);
            assertThat(KpiTruth.stored(transactions, organizationId)).isEqualTo(afterWebhooks);

            remapWithASecondKpi(server, sims, organizationId, integrationId, CrmProvider.HUBSPOT, HUBSPOT_RULES + """
                      demos_no_show:
                        object: product_demos
                        owner: hubspot_owner_id
                        date: demo_date
                        when: demo_status = 'no_show'
                    """);
        }
    }

    /** Rules that add a KPI on the same object and fields: remap re-derives the stored demos into both. */
    private void remapWithASecondKpi(
            ScorelineServer server,
            RunningSimulators sims,
            long organizationId,
            long integrationId,
            CrmProvider provider,
            String document)
            throws Exception {
        var rules = compile(document, provider == CrmProvider.SALESFORCE ? salesforceCatalog() : hubSpotCatalog());
        server.bean(RuleSetStore.class).saveNewVersion(organizationId, integrationId, document, "test");
        assertSucceeded(
                server.bean(RemapService.class).remap(integrationId, Optional.empty(), false, ProgressListener.none()));
        var directory = Files.createDirectories(dumps.resolve("remap"));
        sims.dump(directory);
        var truth = KpiTruth.fromDump(directory, provider, rules, ZONE);
        assertThat(truth.keySet()).anyMatch(key -> key.contains("demos_no_show"));
        assertThat(KpiTruth.stored(server.bean(TenantTransactions.class), organizationId))
                .isEqualTo(truth);
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

    /**
     * The integration's catalog read from its CRM (what {@code integration describe} does), the custom
     * rules active and the CRM's users linked. A dry run compiles against the stored catalog only, so
     * it is read first.
     */
    private static void prepare(
            ScorelineServer server, long organizationId, long integrationId, String rules, String customObject)
            throws Exception {
        var integration = server.bean(IntegrationStore.class).require(integrationId);
        var catalogs = server.bean(IntegrationCatalogs.class);
        catalogs.refresh(integrationId);
        var schema = catalogs.effective(integrationId).object(customObject).orElseThrow();
        assertThat(schema.custom()).isTrue();
        server.bean(RuleSetStore.class).saveNewVersion(organizationId, integrationId, rules, "test");
        try (var connector = server.bean(ConnectorOpener.class).open(integration)) {
            server.bean(CrmIdentityStore.class).sync(organizationId, integrationId, connector.users(), true);
        }
    }

    private static BackfillPlan.ObjectEstimate estimate(BackfillPlan plan, String objectType) {
        assertThat(plan.objects())
                .extracting(BackfillPlan.ObjectEstimate::objectType)
                .containsExactly(objectType);
        return plan.objects().getFirst();
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

    /** Deletes (archives) live completed demos: the KPI loses their facts. */
    private static void deleteSomeCompletedDemos(RunningSimulators sims, int count) {
        var dataset = sims.dataset();
        var now = Instant.now();
        dataset.stream(ActivityKind.DEMO)
                .filter(d -> !d.meta().deleted() && ((Activity.Demo) d).status() == DemoStatus.COMPLETED)
                .limit(count)
                .toList()
                .forEach(demo -> dataset.update(demo.withMeta(demo.meta().deletedAt(now))));
    }

    /** Demos completed, one reassigned, two deleted: the changes the webhooks carry, in order. */
    private static List<RecordChange> recordChanges(RunningSimulators sims) {
        var dataset = sims.dataset();
        var changes = new CopyOnWriteArrayList<RecordChange>();
        dataset.onChange(changes::add);
        var now = Instant.now().plusSeconds(5);
        var live = dataset.stream(ActivityKind.DEMO)
                .filter(d -> !d.meta().deleted())
                .map(d -> (Activity.Demo) d)
                .toList();
        live.stream()
                .filter(d -> d.status() != DemoStatus.COMPLETED && !d.demoDate().isAfter(LAST_DAY))
                .limit(3)
                .forEach(d -> dataset.update(
                        new Activity.Demo(d.meta().modified(now), d.name(), d.demoDate(), DemoStatus.COMPLETED)));
        var completed = live.stream()
                .filter(d -> d.status() == DemoStatus.COMPLETED)
                .limit(3)
                .toList();
        assertThat(completed).hasSize(3);
        var moved = completed.get(0);
        dataset.update(moved.withMeta(moved.meta()
                .reassigned((moved.meta().ownerRep() + 1) % dataset.reps().size(), now)));
        completed.subList(1, 3).forEach(d -> dataset.update(d.withMeta(d.meta().deletedAt(now))));
        assertThat(changes).hasSizeGreaterThanOrEqualTo(3);
        return List.copyOf(changes);
    }

    private Map<String, BigDecimal> truth(RunningSimulators sims, CrmProvider provider, RuleSet rules, String name)
            throws Exception {
        var directory = Files.createDirectories(dumps.resolve(name));
        sims.dump(directory);
        var truth = KpiTruth.fromDump(directory, provider, rules, ZONE);
        assertThat(truth)
                .isNotEmpty()
                .allSatisfy((key, value) -> assertThat(key).contains(KPI));
        return truth;
    }

    private static RuleSet compile(String document, FieldCatalog catalog) {
        var result = MappingCompiler.compile(document, catalog);
        assertThat(result).isInstanceOf(CompileResult.Compiled.class);
        return ((CompileResult.Compiled) result).ruleSet();
    }

    /**
     * What the truth side compiles the rules against: the custom object as the simulator describes it,
     * written out here so that the expected values do not depend on the code under test.
     */
    static FieldCatalog salesforceCatalog() {
        return FieldCatalog.empty(CrmProvider.SALESFORCE)
                .withObject(ObjectSchema.of(
                                "Product_Demo__c",
                                "OwnerId",
                                "Demo_Date__c",
                                List.of(
                                        new FieldDef("Id", FieldType.STRING),
                                        new FieldDef("OwnerId", FieldType.STRING),
                                        new FieldDef("Demo_Date__c", FieldType.DATE),
                                        new FieldDef("Status__c", FieldType.STRING),
                                        new FieldDef("IsDeleted", FieldType.BOOLEAN),
                                        new FieldDef("SystemModstamp", FieldType.DATETIME)))
                        .withIdentity(Optional.empty(), true));
    }

    static FieldCatalog hubSpotCatalog() {
        return FieldCatalog.empty(CrmProvider.HUBSPOT)
                .withObject(ObjectSchema.of(
                                "product_demos",
                                "hubspot_owner_id",
                                "demo_date",
                                List.of(
                                        new FieldDef("hs_object_id", FieldType.STRING),
                                        new FieldDef("hubspot_owner_id", FieldType.STRING),
                                        new FieldDef("demo_date", FieldType.DATE),
                                        new FieldDef("demo_status", FieldType.STRING),
                                        new FieldDef("hs_lastmodifieddate", FieldType.DATETIME)))
                        .withIdentity(Optional.empty(), true));
    }
}
