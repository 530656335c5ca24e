package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.salesforce.SalesforceConnectorFactory;
import io.scoreline.connectors.salesforce.SalesforceOptions;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.catalogs.CatalogSettings;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogStore;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogs;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.IntegrationRunLocks;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.data.DealStage;
import io.scoreline.testing.KpiTruth;
import io.scoreline.testing.TestEnvironment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The formula-field refresh against the Salesforce simulator and its real formula field
 * {@code Opportunity.Expected_Revenue__c} (calculated in describe): a dry run names the objects and
 * the cost and changes nothing; after the stage probabilities the formula reads change (no
 * record's SystemModstamp moves, so the live sync sees nothing) the refresh re-reads the window
 * and only the KPI that reads the formula follows. Which fields are formulas comes from the
 * integration's stored catalog, not from a describe per refresh.
 */
class FormulaRefreshIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final String KPI = " expected_revenue ";
    private static final String RULE = """

              expected_revenue:
                object: Opportunity
                value: Expected_Revenue__c
            """;

    private static SimulatorOptions small() {
        return SimulatorOptions.defaults().withSeed(8).withVolume(3, 6).withLastDay(LocalDate.of(2026, 3, 1));
    }

    @Test
    void dryRunShowsTheCostAndTheRefreshFollowsAChangedFormula() {
        var camel = new DefaultCamelContext();
        camel.start();
        try (var fixture = new SalesforceSyncFixture(small(), CLOCK, SyncSettings.defaults())) {
            var wired = wire(fixture, camel);
            var org = fixture.organization.id();
            wired.ruleSets.saveNewVersion(
                    org, fixture.integrationId, SalesforceSyncFixture.stockRules() + RULE, "test");
            wired.catalogs.refresh(fixture.integrationId);
            var synced = wired.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
            assertThat(synced.status()).as(synced.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            var before = KpiTruth.stored(fixture.transactions, org);
            assertThat(expected(before)).as("the formula's KPI has facts").isPositive();
            var liveCursor =
                    fixture.checkpoints().load(org, fixture.integrationId, "Opportunity", CheckpointStore.LIVE);
            int runsBefore =
                    fixture.runs.recent(org, fixture.integrationId, 100).size();

            var plan = wired.refresh.plan(fixture.integrationId);
            assertThat(plan.objects()).singleElement().satisfies(object -> {
                assertThat(object.objectType()).isEqualTo("Opportunity");
                assertThat(object.formulaFields()).containsExactly("Expected_Revenue__c");
                assertThat(object.records()).isPositive();
                assertThat(object.apiCalls()).isPositive();
            });
            assertThat(plan.catalogCalls())
                    .as("formulas come from the stored catalog")
                    .isZero();
            assertThat(plan.until()).isEqualTo(CLOCK.instant());
            assertThat(plan.from()).isEqualTo(CLOCK.instant().minus(WINDOW));
            assertThat(KpiTruth.stored(fixture.transactions, org))
                    .as("a dry run writes nothing")
                    .isEqualTo(before);
            assertThat(fixture.runs.recent(org, fixture.integrationId, 100)).hasSize(runsBefore);

            // An admin edits the formula's inputs: every stage's probability is halved.
            var probabilities = fixture.sims().salesforceSimulator().stageProbabilities();
            for (var stage : DealStage.values()) {
                probabilities.set(stage, stage.probability() / 2);
            }
            var live = wired.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
            assertThat(live.status()).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(KpiTruth.stored(fixture.transactions, org))
                    .as("no modstamp moved: the live sync sees nothing")
                    .isEqualTo(before);

            var refreshed = wired.refresh.refresh(fixture.integrationId).orElseThrow();

            assertThat(refreshed.status()).as(refreshed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(refreshed.recordsRead()).isGreaterThanOrEqualTo(plan.records());
            assertThat(refreshed.factsChanged()).isPositive();
            var run = fixture.runs.find(org, refreshed.runId()).orElseThrow();
            assertThat(run.trigger()).isEqualTo(SyncTrigger.FORMULA_REFRESH);
            assertThat(run.windowFrom()).contains(CLOCK.instant().minus(WINDOW));
            var after = KpiTruth.stored(fixture.transactions, org);
            assertThat(expected(after)).isLessThan(expected(before));
            assertThat(withoutExpected(after))
                    .as("only the KPI that reads the formula moves")
                    .isEqualTo(withoutExpected(before));
            assertThat(fixture.checkpoints().load(org, fixture.integrationId, "Opportunity", CheckpointStore.LIVE))
                    .as("the live cursor does not move")
                    .isEqualTo(liveCursor);
        } finally {
            camel.stop();
        }
    }

    @Test
    void rulesThatReadNoFormulaAreNotRead() {
        var camel = new DefaultCamelContext();
        camel.start();
        try (var fixture = new SalesforceSyncFixture(small(), CLOCK, SyncSettings.defaults())) {
            var wired = wire(fixture, camel);
            var org = fixture.organization.id();
            wired.catalogs.refresh(fixture.integrationId);

            assertThat(wired.refresh.plan(fixture.integrationId).objects()).isEmpty();
            assertThat(wired.refresh.refresh(fixture.integrationId)).isEmpty();
            assertThat(fixture.runs.recent(org, fixture.integrationId, 10)).isEmpty();
        } finally {
            camel.stop();
        }
    }

    private record Wired(
            IntegrationCatalogs catalogs, RuleSetStore ruleSets, SyncService sync, FormulaRefreshService refresh) {}

    private static Wired wire(SalesforceSyncFixture fixture, DefaultCamelContext camel) {
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        var integrations = new IntegrationStore(fixture.transactions, () -> cipher);
        var factory = new SalesforceConnectorFactory(
                camel, new SalesforceOptions(4, Duration.ofMillis(5), Duration.ofSeconds(5)), CLOCK);
        var opener = new ConnectorOpener(integrations, Map.of(CrmProvider.SALESFORCE, factory));
        var catalogs = new IntegrationCatalogs(
                integrations,
                new IntegrationCatalogStore(fixture.transactions),
                () -> opener,
                CatalogSettings.defaults(),
                CLOCK);
        var ruleSets = new RuleSetStore(fixture.transactions, catalogs);
        var locks = new IntegrationRunLocks(fixture.database.dataSource());
        var organizations = new OrganizationStore(fixture.transactions);
        var sync = new SyncService(
                integrations,
                organizations,
                ruleSets,
                new CheckpointStore(fixture.transactions),
                fixture.runs,
                new PageWriter(fixture.transactions),
                opener,
                locks,
                SyncSettings.defaults(),
                CLOCK);
        var refresh = new FormulaRefreshService(
                integrations,
                organizations,
                ruleSets,
                new CheckpointStore(fixture.transactions),
                fixture.runs,
                new PageWriter(fixture.transactions),
                opener,
                locks,
                SyncSettings.defaults(),
                WINDOW,
                CLOCK);
        return new Wired(catalogs, ruleSets, sync, refresh);
    }

    private static BigDecimal expected(Map<String, BigDecimal> kpis) {
        return kpis.entrySet().stream()
                .filter(e -> e.getKey().contains(KPI))
                .map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, BigDecimal> withoutExpected(Map<String, BigDecimal> kpis) {
        var rest = new TreeMap<>(kpis);
        rest.keySet().removeIf(key -> key.contains(KPI));
        return rest;
    }
}
