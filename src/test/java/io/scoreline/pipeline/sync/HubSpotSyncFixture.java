package io.scoreline.pipeline.sync;

import io.scoreline.connectors.hubspot.HubSpotConnectorFactory;
import io.scoreline.connectors.hubspot.HubSpotOptions;
import io.scoreline.connectors.spi.CrmConnector;
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
import io.scoreline.sim.HubSpotConnection;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
import io.scoreline.sim.data.Activity;
import io.scoreline.sim.hubspot.HubSpotObjectType;
import io.scoreline.testing.TestEnvironment;
import io.scoreline.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A simulated HubSpot portal connected to a fresh database through the real services:
 * organization, integration (OAuth by default), stock rules, owners linked, and sync/backfill
 * services with short retry waits. The simulator's limits are measured on its clock, so the
 * clock given here must tick (a fixed clock would never free a rate-limit window).
 */
final class HubSpotSyncFixture implements CrmSyncFixture {

    /** A clock that ticks like the system's but reads {@code start} now: fixed history, real pacing. */
    static Clock tickingFrom(Instant start) {
        return CrmSyncFixture.tickingFrom(start);
    }

    static HubSpotOptions fastOptions() {
        return new HubSpotOptions(4, Duration.ofMillis(5), 20, Duration.ofSeconds(5), 190, 5, Duration.ofMinutes(5));
    }

    final RunningSimulators sims;
    final DatabaseRuntime database;
    final TenantTransactions transactions;
    final Organization organization;
    final long integrationId;
    final SyncRunStore runs;
    final SyncService sync;
    final BackfillService backfill;
    final IntegrationStore integrations;
    final HubSpotConnectorFactory factory;
    /** The context the connector's routes run in; a test's own factories add theirs to it too. */
    final DefaultCamelContext camel;

    final RuleSetStore ruleSets;
    private final ConnectorOpener opener;
    private final IntegrationRunLocks runLocks;
    private final Clock clock;

    HubSpotSyncFixture(SimulatorOptions simulator, Clock clock, SyncSettings backfillSettings) {
        this(
                simulator,
                clock,
                backfillSettings,
                hs -> new CrmCredentials.RefreshToken(hs.clientId(), hs.clientSecret(), hs.refreshToken()),
                HubSpotConnection::baseUrl,
                fastOptions(),
                true);
    }

    /**
     * @param credentials how the integration logs in
     * @param baseUrl     the API base the integration is given (a proxy in front of the simulator, say)
     * @param linkUsers   import the owners first (a portal whose every call fails cannot)
     */
    HubSpotSyncFixture(
            SimulatorOptions simulator,
            Clock clock,
            SyncSettings backfillSettings,
            Function<HubSpotConnection, CrmCredentials> credentials,
            Function<HubSpotConnection, URI> baseUrl,
            HubSpotOptions options,
            boolean linkUsers) {
        sims = Simulators.start(simulator.withClock(clock));
        database = TestPostgres.freshRuntime();
        transactions = new TenantTransactions(database.dsl());
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        integrations = new IntegrationStore(transactions, () -> cipher);
        var organizations = new OrganizationStore(transactions);
        ruleSets = new RuleSetStore(transactions);
        organization = organizations.create(
                NewOrganization.of("hs-" + System.nanoTime() % 100000, "HS", "America/New_York", "monday"));
        var hs = sims.hubSpot();
        integrationId = integrations
                .add(NewIntegration.of(
                        organization.id(),
                        CrmProvider.HUBSPOT,
                        credentials.apply(hs),
                        Optional.empty(),
                        Optional.of(baseUrl.apply(hs).toString()),
                        Optional.of(Long.toString(hs.portalId()))))
                .id();
        ruleSets.saveNewVersion(organization.id(), integrationId, stockRules(), "test");
        camel = new DefaultCamelContext();
        camel.start();
        factory = new HubSpotConnectorFactory(camel, options, clock);
        runs = new SyncRunStore(transactions, clock);
        opener = new ConnectorOpener(integrations, Map.of(CrmProvider.HUBSPOT, factory));
        runLocks = new IntegrationRunLocks(database.dataSource());
        this.clock = clock;
        var checkpoints = new CheckpointStore(transactions);
        var writer = new PageWriter(transactions);
        sync = new SyncService(
                integrations,
                organizations,
                ruleSets,
                checkpoints,
                runs,
                writer,
                opener,
                runLocks,
                SyncSettings.defaults(),
                clock);
        backfill = new BackfillService(
                integrations,
                organizations,
                ruleSets,
                checkpoints,
                runs,
                writer,
                opener,
                runLocks,
                backfillSettings,
                clock);
        if (!linkUsers) {
            return;
        }
        try (var connector = openConnector()) {
            new CrmIdentityStore(transactions).sync(organization.id(), integrationId, connector.users(), true);
        }
    }

    static String stockRules() {
        try {
            return Files.readString(Path.of("mappings/hubspot.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection as the pipeline opens one; the caller closes it. */
    @Override
    public CrmConnector openConnector() {
        return opener.open(integrations.require(integrationId));
    }

    /** A connection through a factory of its own (no shared OAuth session or rate limiter), as another process would open it. */
    CrmConnector openConnectorElsewhere(HubSpotConnectorFactory otherFactory) {
        return new ConnectorOpener(integrations, Map.of(CrmProvider.HUBSPOT, otherFactory))
                .open(integrations.require(integrationId));
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
        return CrmProvider.HUBSPOT;
    }

    @Override
    public String stockRuleDocument() {
        return stockRules();
    }

    @Override
    public String crmName() {
        return "HubSpot";
    }

    @Override
    public String callObject() {
        return "calls";
    }

    @Override
    public Set<String> callOwnerAndStatus() {
        return Set.of("hubspot_owner_id", "hs_call_status");
    }

    @Override
    public String recordId(Activity activity) {
        return Long.toString(
                HubSpotObjectType.of(activity.meta().kind()).id(activity.meta().index()));
    }

    /**
     * One search page per object, and its whole archived list, 100 a page, the last one perhaps empty:
     * archived records never appear in search, so a sync lists them all to find those archived since
     * its cursor.
     */
    @Override
    public long callsToSyncQuietly(Set<String> objectTypes) {
        return objectTypes.stream()
                        .map(type -> HubSpotObjectType.fromPath(type).orElseThrow())
                        .mapToLong(type -> {
                            long archived = sims.dataset().stream(type.kind())
                                    .filter(activity -> activity.meta().deleted())
                                    .count();
                            return 1 + archived / 100 + 1;
                        })
                        .sum()
                // HubSpotApi counts every attempt: one request repeated after a 401 renewal or a timeout
                // on a loaded machine (the clock ticks, CI is slow) is not a different read plan.
                + 1;
    }

    /** Below the first object type's id range: no object of any type has it. */
    @Override
    public String unknownCallId(int n) {
        return Long.toString(99 + n);
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
                new io.scoreline.pipeline.tenancy.OrganizationStore(transactions),
                ruleSets,
                runs,
                new io.scoreline.pipeline.facts.StoredRecordReader(transactions),
                new io.scoreline.pipeline.facts.StoredFieldGaps(transactions),
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
                ruleSets,
                new io.scoreline.pipeline.rules.RuleDocumentCheck(),
                new io.scoreline.pipeline.facts.StoredFieldGaps(transactions));
    }
}
