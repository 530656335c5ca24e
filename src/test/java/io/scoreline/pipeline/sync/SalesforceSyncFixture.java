package io.scoreline.pipeline.sync;

import io.scoreline.connectors.salesforce.SalesforceConnectorFactory;
import io.scoreline.connectors.salesforce.SalesforceOptions;
import io.scoreline.connectors.spi.ConnectorSettings;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.identities.CrmIdentityStore;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.IntegrationRunLocks;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.salesforce.SalesforceRecords;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A simulated Salesforce org connected to a fresh database through the real services: organization,
 * integration, stock rules, users linked, and sync/backfill services with short retry waits.
 */
final class SalesforceSyncFixture implements CrmSyncFixture {

    final RunningSimulators sims;
    final DatabaseRuntime database;
    final TenantTransactions transactions;
    final Organization organization;
    final long integrationId;
    final SyncRunStore runs;
    final SyncService sync;
    final BackfillService backfill;
    private final DefaultCamelContext camel;
    private final ConnectorOpener opener;
    private final IntegrationStore integrations;
    private final IntegrationRunLocks runLocks;
    private final Clock clock;
    /** The backfills' bulk threshold, which remap's re-reads follow too (ADR 0034). */
    private final long bulkThreshold;

    SalesforceSyncFixture(SimulatorOptions simulator, Clock clock, SyncSettings backfillSettings) {
        this(simulator, clock, backfillSettings, true);
    }

    /** @param linkUsers import the CRM users first (a fixture whose every call fails cannot) */
    SalesforceSyncFixture(SimulatorOptions simulator, Clock clock, SyncSettings backfillSettings, boolean linkUsers) {
        this.bulkThreshold = backfillSettings.bulkThreshold();
        sims = Simulators.start(simulator.withClock(clock));
        database = TestPostgres.freshRuntime();
        camel = new DefaultCamelContext();
        camel.start();
        transactions = new TenantTransactions(database.dsl());
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        integrations = new IntegrationStore(transactions, () -> cipher);
        var organizations = new OrganizationStore(transactions);
        var ruleSets = new RuleSetStore(transactions);
        organization = organizations.create(
                NewOrganization.of("sf-" + System.nanoTime() % 100000, "SF", "America/New_York", "monday"));
        var sf = sims.salesforce();
        integrationId = integrations
                .add(NewIntegration.of(
                        organization.id(),
                        CrmProvider.SALESFORCE,
                        new CrmCredentials.RefreshToken(sf.clientId(), sf.clientSecret(), sf.refreshToken()),
                        Optional.of(sf.loginUrl().toString()),
                        Optional.empty(),
                        Optional.empty()))
                .id();
        ruleSets.saveNewVersion(organization.id(), integrationId, stockRules(), "test");
        var factory = new SalesforceConnectorFactory(
                camel, new SalesforceOptions(4, Duration.ofMillis(5), Duration.ofSeconds(5)), clock);
        runs = new SyncRunStore(transactions, clock);
        opener = new ConnectorOpener(integrations, Map.of(CrmProvider.SALESFORCE, factory));
        this.clock = clock;
        runLocks = new IntegrationRunLocks(database.dataSource());
        sync = new SyncService(
                integrations,
                organizations,
                ruleSets,
                new CheckpointStore(transactions),
                runs,
                new PageWriter(transactions),
                opener,
                runLocks,
                SyncSettings.defaults(),
                clock);
        backfill = new BackfillService(
                integrations,
                organizations,
                ruleSets,
                new CheckpointStore(transactions),
                runs,
                new PageWriter(transactions),
                opener,
                runLocks,
                backfillSettings,
                clock,
                new io.scoreline.pipeline.facts.StoredRecordReader(transactions));
        if (!linkUsers) {
            return;
        }
        try (var connector = factory.open(new ConnectorSettings(
                integrationId,
                CrmProvider.SALESFORCE,
                integrations.require(integrationId).settings(),
                integrations.credentials(organization.id(), integrationId)))) {
            new CrmIdentityStore(transactions).sync(organization.id(), integrationId, connector.users(), true);
        }
    }

    static String stockRules() {
        try {
            return Files.readString(Path.of("mappings/salesforce.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection as the pipeline opens one; the caller closes it. */
    @Override
    public io.scoreline.connectors.spi.CrmConnector openConnector() {
        return opener.open(integrations.require(integrationId));
    }

    /** A backfill over this fixture's stores that never pushes rule filters down (no stored-record check). */
    BackfillService backfillWithoutStoredRecordCheck(SyncSettings settings) {
        return new BackfillService(
                integrations,
                new OrganizationStore(transactions),
                new RuleSetStore(transactions),
                new CheckpointStore(transactions),
                runs,
                new PageWriter(transactions),
                opener,
                runLocks,
                settings,
                clock);
    }

    @Override
    public CheckpointStore checkpoints() {
        return new CheckpointStore(transactions);
    }

    @Override
    public RunningSimulators sims() {
        return sims;
    }

    @Override
    public DatabaseRuntime database() {
        return database;
    }

    @Override
    public TenantTransactions transactions() {
        return transactions;
    }

    @Override
    public Organization organization() {
        return organization;
    }

    @Override
    public long integrationId() {
        return integrationId;
    }

    @Override
    public SyncRunStore runs() {
        return runs;
    }

    @Override
    public SyncService sync() {
        return sync;
    }

    @Override
    public BackfillService backfill() {
        return backfill;
    }

    @Override
    public CrmProvider ruleProvider() {
        return CrmProvider.SALESFORCE;
    }

    @Override
    public String stockRuleDocument() {
        return stockRules();
    }

    @Override
    public String crmName() {
        return "Salesforce";
    }

    /** Calls are Tasks of subtype Call, beside emails and to-dos. */
    @Override
    public String callObject() {
        return "Task";
    }

    @Override
    public Set<String> callOwnerAndStatus() {
        return Set.of("OwnerId", "Status");
    }

    @Override
    public String recordId(Activity activity) {
        return SalesforceRecords.idOf(activity.meta().kind(), activity.meta().index());
    }

    /** One query page and one getDeleted per object. */
    @Override
    public long callsToSyncQuietly(Set<String> objectTypes) {
        return 2L * objectTypes.size();
    }

    /** A Task id (key prefix 00T, 18 characters) outside the simulator's pod. */
    @Override
    public String unknownCallId(int n) {
        return String.format("00T9%011dAAA", n);
    }

    @Override
    public void close() {
        camel.stop();
        database.close();
        sims.close();
    }

    @Override
    public RemapService remap() {
        return new RemapService(
                integrations,
                new OrganizationStore(transactions),
                new RuleSetStore(transactions),
                runs,
                new io.scoreline.pipeline.facts.StoredRecordReader(transactions),
                new io.scoreline.pipeline.facts.StoredFieldGaps(transactions, bulkThreshold),
                new CheckpointStore(transactions),
                new PageWriter(transactions),
                () -> opener,
                runLocks,
                clock);
    }

    @Override
    public io.scoreline.pipeline.rules.RuleSetVersions ruleSetVersions() {
        return new io.scoreline.pipeline.rules.RuleSetVersions(
                integrations,
                new RuleSetStore(transactions),
                new io.scoreline.pipeline.rules.RuleDocumentCheck(),
                new io.scoreline.pipeline.facts.StoredFieldGaps(transactions, bulkThreshold));
    }
}
