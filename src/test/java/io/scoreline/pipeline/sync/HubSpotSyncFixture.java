package io.scoreline.pipeline.sync;

import io.scoreline.connectors.hubspot.HubSpotConnectorFactory;
import io.scoreline.connectors.hubspot.HubSpotOptions;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.CrmCredentials;
import io.scoreline.connectors.spi.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.identities.CrmIdentityStore;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.NewIntegration;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.scheduling.IntegrationRunLocks;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.secrets.MasterKey;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.HubSpotConnection;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.SimulatorOptions;
import io.scoreline.sim.Simulators;
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
import java.util.function.Function;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A simulated HubSpot portal connected to a fresh database through the real services:
 * organization, integration (OAuth by default), stock rules, owners linked, and sync/backfill
 * services with short retry waits. The simulator's limits are measured on its clock, so the
 * clock given here must tick (a fixed clock would never free a rate-limit window).
 */
final class HubSpotSyncFixture implements AutoCloseable {

    /** A clock that ticks like the system's but reads {@code start} now: fixed history, real pacing. */
    static Clock tickingFrom(Instant start) {
        var system = Clock.systemUTC();
        return Clock.offset(system, Duration.between(system.instant(), start));
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

    HubSpotSyncFixture(SimulatorOptions simulator, Clock clock, SyncSettings backfillSettings) {
        this(simulator, clock, backfillSettings, hs -> new CrmCredentials.RefreshToken(hs.clientId(), hs.clientSecret(),
                hs.refreshToken()), HubSpotConnection::baseUrl, fastOptions(), true);
    }

    /**
     * @param credentials how the integration logs in
     * @param baseUrl     the API base the integration is given (a proxy in front of the simulator, say)
     * @param linkUsers   import the owners first (a portal whose every call fails cannot)
     */
    HubSpotSyncFixture(SimulatorOptions simulator, Clock clock, SyncSettings backfillSettings,
            Function<HubSpotConnection, CrmCredentials> credentials, Function<HubSpotConnection, URI> baseUrl, HubSpotOptions options,
            boolean linkUsers) {
        sims = Simulators.start(simulator.withClock(clock));
        database = TestPostgres.freshRuntime();
        transactions = new TenantTransactions(database.dsl());
        var cipher = new CredentialCipher(new MasterKey(TestEnvironment.MASTER_KEY));
        integrations = new IntegrationStore(transactions, () -> cipher);
        var organizations = new OrganizationStore(transactions);
        ruleSets = new RuleSetStore(transactions);
        organization = organizations.create(NewOrganization.of("hs-" + System.nanoTime() % 100000, "HS", "America/New_York", "monday"));
        var hs = sims.hubSpot();
        integrationId = integrations.add(NewIntegration.of(organization.id(), CrmProvider.HUBSPOT, credentials.apply(hs),
                Optional.empty(), Optional.of(baseUrl.apply(hs).toString()), Optional.of(Long.toString(hs.portalId())))).id();
        ruleSets.saveNewVersion(organization.id(), integrationId, stockRules(), "test");
        camel = new DefaultCamelContext();
        camel.start();
        factory = new HubSpotConnectorFactory(camel, options, clock);
        runs = new SyncRunStore(transactions, clock);
        opener = new ConnectorOpener(integrations, Map.of(CrmProvider.HUBSPOT, factory));
        var exclusion = new RunLockExclusion(new IntegrationRunLocks(database.dataSource()));
        var services = new RunServices(integrations, organizations, ruleSets, new CheckpointStore(transactions), runs,
                new PageWriter(transactions), opener, exclusion, clock);
        sync = new SyncService(services, SyncSettings.defaults());
        backfill = new BackfillService(services, backfillSettings);
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
    CrmConnector openConnector() {
        return opener.open(integrations.require(integrationId));
    }

    /** A connection through a factory of its own (no shared OAuth session or rate limiter), as another process would open it. */
    CrmConnector openConnectorElsewhere(HubSpotConnectorFactory otherFactory) {
        return new ConnectorOpener(integrations, Map.of(CrmProvider.HUBSPOT, otherFactory)).open(integrations.require(integrationId));
    }

    CheckpointStore checkpoints() {
        return new CheckpointStore(transactions);
    }

    @Override
    public void close() {
        camel.stop();
        database.close();
        sims.close();
    }
}
