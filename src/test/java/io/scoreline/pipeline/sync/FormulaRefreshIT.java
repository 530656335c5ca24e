package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.salesforce.SalesforceConnectorFactory;
import io.scoreline.connectors.salesforce.SalesforceOptions;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.IntegrationRunLocks;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.testing.KpiTruth;
import io.scoreline.testing.TestEnvironment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * The formula-field refresh against the Salesforce simulator: a dry run names the objects and
 * the cost and changes nothing; a refresh after a formula's inputs changed (its records' modstamps
 * did not move, so the live sync sees nothing) re-reads the window and the KPIs follow.
 */
class FormulaRefreshIT {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC);
    private static final Duration WINDOW = Duration.ofDays(7);
    private static final String KPI = " talk_time_minutes ";

    private static SimulatorOptions small() {
        return SimulatorOptions.defaults().withSeed(8).withVolume(3, 6).withLastDay(LocalDate.of(2026, 3, 1));
    }

    @Test
    void dryRunShowsTheCostAndTheRefreshFollowsAChangedFormula() {
        var camel = new DefaultCamelContext();
        camel.start();
        try (var fixture = new SalesforceSyncFixture(small(), CLOCK, SyncSettings.defaults())) {
            var formulas = new FormulaStandIn(salesforce(camel), true);
            var refresh = refresh(fixture, formulas);
            var org = fixture.organization.id();
            var synced = fixture.sync.sync(fixture.integrationId, SyncTrigger.MANUAL);
            assertThat(synced.status()).as(synced.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            var before = KpiTruth.stored(fixture.transactions, org);
            var liveCursor =
                    fixture.checkpoints().load(org, fixture.integrationId, FormulaStandIn.OBJECT, CheckpointStore.LIVE);
            int runsBefore =
                    fixture.runs.recent(org, fixture.integrationId, 100).size();

            var plan = refresh.plan(fixture.integrationId);
            assertThat(plan.objects()).singleElement().satisfies(object -> {
                assertThat(object.objectType()).isEqualTo(FormulaStandIn.OBJECT);
                assertThat(object.formulaFields()).containsExactly(FormulaStandIn.FORMULA);
                assertThat(object.records()).isPositive();
                assertThat(object.apiCalls()).isPositive();
            });
            assertThat(plan.until()).isEqualTo(CLOCK.instant());
            assertThat(plan.from()).isEqualTo(CLOCK.instant().minus(WINDOW));
            assertThat(plan.apiCalls()).isGreaterThan(plan.catalogCalls());
            assertThat(KpiTruth.stored(fixture.transactions, org))
                    .as("a dry run writes nothing")
                    .isEqualTo(before);
            assertThat(fixture.runs.recent(org, fixture.integrationId, 100)).hasSize(runsBefore);

            // The formula's inputs change on other records; the live sync sees no modstamp move.
            formulas.inputsChanged.set(true);
            var refreshed = refresh.refresh(fixture.integrationId).orElseThrow();

            assertThat(refreshed.status()).as(refreshed.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            assertThat(refreshed.recordsRead())
                    .as("the counted records, and the window's deletions")
                    .isGreaterThanOrEqualTo(plan.records());
            assertThat(refreshed.factsChanged()).isPositive();
            var run = fixture.runs.find(org, refreshed.runId()).orElseThrow();
            assertThat(run.trigger()).isEqualTo(SyncTrigger.FORMULA_REFRESH);
            assertThat(run.windowFrom()).contains(CLOCK.instant().minus(WINDOW));
            var after = KpiTruth.stored(fixture.transactions, org);
            assertThat(talkTime(after)).isGreaterThan(talkTime(before));
            assertThat(withoutTalkTime(after))
                    .as("only the KPI that reads the formula moves")
                    .isEqualTo(withoutTalkTime(before));
            assertThat(fixture.checkpoints()
                            .load(org, fixture.integrationId, FormulaStandIn.OBJECT, CheckpointStore.LIVE))
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
            var refresh = refresh(fixture, new FormulaStandIn(salesforce(camel), false));
            var org = fixture.organization.id();

            assertThat(refresh.plan(fixture.integrationId).objects()).isEmpty();
            assertThat(refresh.refresh(fixture.integrationId)).isEmpty();
            assertThat(fixture.runs.recent(org, fixture.integrationId, 10)).isEmpty();
        } finally {
            camel.stop();
        }
    }

    private static SalesforceConnectorFactory salesforce(DefaultCamelContext camel) {
        return new SalesforceConnectorFactory(
                camel, new SalesforceOptions(4, Duration.ofMillis(5), Duration.ofSeconds(5)), CLOCK);
    }

    private static FormulaRefreshService refresh(SalesforceSyncFixture fixture, FormulaStandIn factory) {
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        var integrations = new IntegrationStore(fixture.transactions, () -> cipher);
        return new FormulaRefreshService(
                integrations,
                new OrganizationStore(fixture.transactions),
                new RuleSetStore(fixture.transactions),
                new CheckpointStore(fixture.transactions),
                fixture.runs,
                new PageWriter(fixture.transactions),
                new ConnectorOpener(integrations, Map.of(CrmProvider.SALESFORCE, factory)),
                new IntegrationRunLocks(fixture.database.dataSource()),
                SyncSettings.defaults(),
                WINDOW,
                CLOCK);
    }

    private static BigDecimal talkTime(Map<String, BigDecimal> kpis) {
        return kpis.entrySet().stream()
                .filter(e -> e.getKey().contains(KPI))
                .map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, BigDecimal> withoutTalkTime(Map<String, BigDecimal> kpis) {
        var rest = new java.util.TreeMap<>(kpis);
        rest.keySet().removeIf(key -> key.contains(KPI));
        return rest;
    }
}
