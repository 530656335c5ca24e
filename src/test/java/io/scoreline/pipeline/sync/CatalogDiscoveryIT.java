package io.scoreline.pipeline.sync;

import static io.scoreline.pipeline.db.Tables.KPI_FACTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.connectors.salesforce.SalesforceConnectorFactory;
import io.scoreline.connectors.salesforce.SalesforceOptions;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldOption;
import io.scoreline.mappings.ObjectSchema;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.catalogs.CatalogSettings;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogStore;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogs;
import io.scoreline.pipeline.rules.RuleDocumentCheck;
import io.scoreline.pipeline.rules.RuleSetChange;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.rules.RuleSetVersions;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.IntegrationRunLocks;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.TestClock;
import io.scoreline.sim.hubspot.HubSpotObjectType;
import io.scoreline.sim.salesforce.SalesforceSchema;
import io.scoreline.testing.TestEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * Each integration's catalog read from both simulators (issue 20, ADR 0033): the API calls a
 * reading costs, what is stored, rules on a custom field compiled and synced against it, and the
 * automatic re-read of a stale catalog before a run.
 */
class CatalogDiscoveryIT {

    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private static SimulatorOptions small() {
        return SimulatorOptions.defaults().withSeed(7).withVolume(3, 6).withLastDay(LocalDate.of(2026, 3, 1));
    }

    private static final String OUTCOME_RULES = """
            provider: salesforce
            kpis:
              meetings_all:
                object: Event
              meetings_held_outcome:
                object: Event
                when: Outcome__c = 'Held'
              meetings_not_held_outcome:
                object: Event
                when: Outcome__c != 'Held'
            """;

    /** The Salesforce side of the pipeline, with rules compiled against the integration's catalog. */
    private record SalesforceCatalogs(IntegrationCatalogs catalogs, RuleSetStore ruleSets, SyncService sync) {}

    private static SalesforceCatalogs wire(SalesforceSyncFixture fixture, DefaultCamelContext camel, TestClock clock) {
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        var integrations = new IntegrationStore(fixture.transactions, () -> cipher);
        var factory = new SalesforceConnectorFactory(
                camel, new SalesforceOptions(4, Duration.ofMillis(5), Duration.ofSeconds(5)), clock);
        var opener = new ConnectorOpener(integrations, Map.of(CrmProvider.SALESFORCE, factory));
        var catalogs = new IntegrationCatalogs(
                integrations,
                new IntegrationCatalogStore(fixture.transactions),
                () -> opener,
                CatalogSettings.defaults(),
                clock);
        var ruleSets = new RuleSetStore(fixture.transactions, catalogs);
        var sync = new SyncService(
                integrations,
                new OrganizationStore(fixture.transactions),
                ruleSets,
                new CheckpointStore(fixture.transactions),
                fixture.runs,
                new PageWriter(fixture.transactions),
                opener,
                new IntegrationRunLocks(fixture.database.dataSource()),
                SyncSettings.defaults(),
                clock);
        return new SalesforceCatalogs(catalogs, ruleSets, sync);
    }

    @Test
    void salesforceDescribeCostsOneGlobalCallPlusOnePerObjectAndFindsTheCustomField() {
        var clock = new TestClock(NOW);
        var camel = new DefaultCamelContext();
        camel.start();
        try (var fixture = new SalesforceSyncFixture(small(), clock, SyncSettings.defaults())) {
            var wired = wire(fixture, camel, clock);
            var stockNames = FieldCatalog.stock(CrmProvider.SALESFORCE)
                    .objectsByLowerName()
                    .keySet();
            long described = SalesforceSchema.ALL.stream()
                    .filter(type -> stockNames.contains(type.name().toLowerCase(Locale.ROOT))
                            || type.name().endsWith("__c"))
                    .count();
            long simCallsBefore = fixture.sims.salesforceSimulator().quota().used();

            var refresh = wired.catalogs().refresh(fixture.integrationId);

            assertThat(refresh.apiCalls()).isEqualTo(1 + described);
            assertThat(fixture.sims.salesforceSimulator().quota().used() - simCallsBefore)
                    .as("requests the simulated org counted")
                    .isEqualTo(refresh.apiCalls());
            assertThat(refresh.changed()).isTrue();
            assertThat(refresh.stored().version()).isEqualTo(1);
            var outcome = refresh.stored()
                    .read()
                    .catalog()
                    .object("Event")
                    .flatMap(event -> event.field("Outcome__c"))
                    .orElseThrow();
            assertThat(outcome.custom()).isTrue();
            assertThat(outcome.crmType()).isEqualTo("picklist");
            assertThat(outcome.options()).extracting(FieldOption::value).contains("Held", "No Show");

            var again = wired.catalogs().refresh(fixture.integrationId);
            assertThat(again.changed()).as("an unchanged org adds no version").isFalse();
            assertThat(again.stored().version()).isEqualTo(1);

            // The stock owner and date defaults stay on stock objects.
            var effective = wired.catalogs().effective(fixture.integrationId);
            assertThat(effective.object("Event").flatMap(ObjectSchema::dateField))
                    .contains("ActivityDateTime");
        } finally {
            camel.stop();
        }
    }

    @Test
    void rulesOnACustomFieldAreStoredForTheIntegrationAndItsSyncDerivesTheirFacts() {
        var clock = new TestClock(NOW);
        var camel = new DefaultCamelContext();
        camel.start();
        try (var fixture = new SalesforceSyncFixture(small(), clock, SyncSettings.defaults())) {
            var wired = wire(fixture, camel, clock);
            var integrations = new IntegrationStore(
                    fixture.transactions, () -> new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY)));
            var stockOnly =
                    new RuleSetVersions(integrations, new RuleSetStore(fixture.transactions), new RuleDocumentCheck());
            assertThat(stockOnly.set(fixture.integrationId, OUTCOME_RULES, "test"))
                    .as("against the stock catalog the custom field is unknown")
                    .isInstanceOf(RuleSetChange.Rejected.class);

            // No catalog stored yet: setting the rules reads it first.
            var versions = new RuleSetVersions(integrations, wired.ruleSets(), new RuleDocumentCheck());
            var change = versions.set(fixture.integrationId, OUTCOME_RULES, "test");
            assertThat(change).isInstanceOf(RuleSetChange.Stored.class);
            assertThat(wired.catalogs().latest(fixture.integrationId)).isPresent();

            var outcome = wired.sync().sync(fixture.integrationId, SyncTrigger.MANUAL);

            assertThat(outcome.status()).as(outcome.message().orElse("")).isEqualTo(SyncStatus.SUCCEEDED);
            var facts = factsByKpi(fixture);
            assertThat(facts.get("meetings_held_outcome")).isPositive();
            assertThat(facts.get("meetings_not_held_outcome")).isPositive();
            assertThat(facts.get("meetings_held_outcome") + facts.get("meetings_not_held_outcome"))
                    .as("every meeting has an outcome, so the two custom-field KPIs split them all")
                    .isEqualTo(facts.get("meetings_all"));

            var unknown = versions.set(
                    fixture.integrationId,
                    OUTCOME_RULES.replace("Outcome__c = 'Held'", "Outcome_Typo__c = 'Held'"),
                    "t");
            assertThat(unknown).as("an unknown field is still an error").isInstanceOf(RuleSetChange.Rejected.class);
        } finally {
            camel.stop();
        }
    }

    @Test
    void aStaleCatalogIsReadAgainBeforeARunAndAFreshOneIsNot() {
        var clock = new TestClock(NOW);
        var camel = new DefaultCamelContext();
        camel.start();
        try (var fixture = new SalesforceSyncFixture(small(), clock, SyncSettings.defaults())) {
            var wired = wire(fixture, camel, clock);
            var integration = new IntegrationStore(
                            fixture.transactions, () -> new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY)))
                    .require(fixture.integrationId);
            wired.catalogs().refresh(fixture.integrationId);
            var quota = fixture.sims.salesforceSimulator().quota();

            clock.advance(Duration.ofHours(23));
            long before = quota.used();
            wired.catalogs().beforeRun(integration);
            assertThat(quota.used())
                    .as("a catalog younger than a day is not read again")
                    .isEqualTo(before);

            clock.advance(Duration.ofHours(2));
            wired.catalogs().beforeRun(integration);
            assertThat(quota.used()).as("one older than a day is").isGreaterThan(before);
            var latest = wired.catalogs().latest(fixture.integrationId).orElseThrow();
            assertThat(latest.checkedAt()).isEqualTo(NOW.plus(Duration.ofHours(25)));
            assertThat(latest.read().readAt())
                    .as("same content: still the first version")
                    .isEqualTo(NOW);
        } finally {
            camel.stop();
        }
    }

    @Test
    void hubSpotDescribeCostsOneSchemasCallPlusOnePerObjectType() {
        try (var fixture =
                new HubSpotSyncFixture(small(), HubSpotSyncFixture.tickingFrom(NOW), SyncSettings.defaults())) {
            var opener = new ConnectorOpener(fixture.integrations, Map.of(CrmProvider.HUBSPOT, fixture.factory));
            var catalogs = new IntegrationCatalogs(
                    fixture.integrations,
                    new IntegrationCatalogStore(fixture.transactions),
                    () -> opener,
                    CatalogSettings.defaults(),
                    java.time.Clock.systemUTC());
            var stock = FieldCatalog.stock(CrmProvider.HUBSPOT);
            long known = stock.objectsByLowerName().values().stream()
                    .filter(o -> HubSpotObjectType.fromPath(o.name()).isPresent())
                    .count();

            var refresh = catalogs.refresh(fixture.integrationId);

            assertThat(refresh.apiCalls())
                    .isEqualTo(1 + stock.objectsByLowerName().size());
            var discovered = refresh.stored().read().catalog();
            assertThat(discovered.objectsByLowerName()).hasSize((int) known);
            var disposition = discovered
                    .object("calls")
                    .flatMap(calls -> calls.field("hs_call_disposition"))
                    .orElseThrow();
            assertThat(disposition.options())
                    .as("HubSpot options carry the internal value and the label")
                    .anySatisfy(o -> assertThat(o.value()).isNotEqualTo(o.label()));
            var effective = catalogs.effective(fixture.integrationId);
            assertThat(effective.object("calls").flatMap(ObjectSchema::ownerField))
                    .contains("hubspot_owner_id");
        }
    }

    private static Map<String, Integer> factsByKpi(SalesforceSyncFixture fixture) {
        return fixture
                .transactions
                .inOrganization(
                        fixture.organization.id(),
                        tx -> tx.select(KPI_FACTS.KPI_KEY, org.jooq.impl.DSL.count())
                                .from(KPI_FACTS)
                                .where(KPI_FACTS.INTEGRATION_ID.eq(fixture.integrationId))
                                .groupBy(KPI_FACTS.KPI_KEY)
                                .fetch())
                .stream()
                .collect(Collectors.toMap(r -> r.value1(), r -> r.value2()));
    }
}
