package io.scoreline.app.wiring;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.scoreline.app.background.BackgroundWork;
import io.scoreline.app.background.BackgroundWorkSupervisor;
import io.scoreline.app.background.InboxWork;
import io.scoreline.app.background.SyncScheduleWork;
import io.scoreline.app.config.MasterKeySource;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.connectors.hubspot.HubSpotConnectorFactory;
import io.scoreline.connectors.hubspot.HubSpotOptions;
import io.scoreline.connectors.salesforce.SalesforceConnectorFactory;
import io.scoreline.connectors.salesforce.SalesforceOptions;
import io.scoreline.pipeline.database.DatabaseHealth;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.facts.StoredFieldGaps;
import io.scoreline.pipeline.facts.StoredRecordReader;
import io.scoreline.pipeline.identities.CrmIdentityStore;
import io.scoreline.pipeline.inbox.InboxProcessor;
import io.scoreline.pipeline.inbox.InboxSettings;
import io.scoreline.pipeline.inbox.InboxStore;
import io.scoreline.pipeline.inbox.InboxWorkers;
import io.scoreline.pipeline.inbox.IntakeSettings;
import io.scoreline.pipeline.inbox.OpenConnectors;
import io.scoreline.pipeline.inbox.WebhookRoutes;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.integrations.catalogs.CatalogSettings;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogStore;
import io.scoreline.pipeline.integrations.catalogs.IntegrationCatalogs;
import io.scoreline.pipeline.kpi.KpiValueReader;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.IntegrationRunLocks;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.scheduling.IntegrationDirectory;
import io.scoreline.pipeline.scheduling.IntegrationScheduler;
import io.scoreline.pipeline.scheduling.ScheduledSyncLauncher;
import io.scoreline.pipeline.scheduling.SchedulerSettings;
import io.scoreline.pipeline.scheduling.SyncCadence;
import io.scoreline.pipeline.secrets.CredentialCipher;
import io.scoreline.pipeline.sync.BackfillService;
import io.scoreline.pipeline.sync.ConnectorOpener;
import io.scoreline.pipeline.sync.RemapService;
import io.scoreline.pipeline.sync.SyncService;
import io.scoreline.pipeline.sync.SyncSettings;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Wires the plain classes of {@code pipeline} into the Micronaut context. Everything is lazy:
 * a command that needs no database never starts one.
 */
@Factory
public class ScorelineFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    PrometheusMeterRegistry meterRegistry() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    @Singleton
    @Bean(preDestroy = "close")
    DatabaseRuntime databaseRuntime(ScorelineConfig config, PrometheusMeterRegistry registry) {
        var runtime = DatabaseRuntime.open(config.database(), pool -> pool.setMetricRegistry(registry));
        if (config.database().embedded()) {
            MasterKeySource.ensureKeyFile(config);
        }
        return runtime;
    }

    /** Whether the database takes new work: for /health and the webhook intake (ADR 0023). */
    @Singleton
    DatabaseHealth databaseHealth(DatabaseRuntime database, Clock clock) {
        return new DatabaseHealth(database.pool(), clock);
    }

    @Singleton
    TenantTransactions tenantTransactions(DatabaseRuntime database) {
        return new TenantTransactions(database.dsl());
    }

    @Singleton
    OrganizationStore organizationStore(TenantTransactions transactions) {
        return new OrganizationStore(transactions);
    }

    @Singleton
    IntegrationStore integrationStore(TenantTransactions transactions, ScorelineConfig config) {
        Supplier<CredentialCipher> cipher = new Supplier<>() {
            private CredentialCipher value;

            @Override
            public synchronized CredentialCipher get() {
                if (value == null) {
                    value = new CredentialCipher(MasterKeySource.load(config));
                }
                return value;
            }
        };
        return new IntegrationStore(transactions, cipher);
    }

    @Singleton
    RuleSetStore ruleSetStore(TenantTransactions transactions, IntegrationCatalogs catalogs) {
        return new RuleSetStore(transactions, catalogs);
    }

    @Singleton
    IntegrationCatalogStore integrationCatalogStore(TenantTransactions transactions) {
        return new IntegrationCatalogStore(transactions);
    }

    @Singleton
    CatalogSettings catalogSettings(ScorelineConfig config) {
        return new CatalogSettings(config.catalogMaxAge());
    }

    @Singleton
    PageWriter pageWriter(TenantTransactions transactions, Clock clock) {
        return new PageWriter(transactions, clock);
    }

    @Singleton
    CheckpointStore checkpointStore(TenantTransactions transactions) {
        return new CheckpointStore(transactions);
    }

    @Singleton
    SyncRunStore syncRunStore(TenantTransactions transactions, Clock clock) {
        return new SyncRunStore(transactions, clock);
    }

    @Singleton
    CrmIdentityStore crmIdentityStore(TenantTransactions transactions) {
        return new CrmIdentityStore(transactions);
    }

    @Singleton
    KpiValueReader kpiValueReader(TenantTransactions transactions) {
        return new KpiValueReader(transactions);
    }

    @Singleton
    ConnectorOpener connectorOpener(IntegrationStore integrations, CamelContext camel, Clock clock) {
        var salesforce = new SalesforceConnectorFactory(camel, SalesforceOptions.defaults(), clock);
        var hubSpot = new HubSpotConnectorFactory(camel, HubSpotOptions.defaults(), clock);
        return new ConnectorOpener(
                integrations, Map.of(salesforce.provider(), salesforce, hubSpot.provider(), hubSpot));
    }

    @Singleton
    RemapService remapService(
            IntegrationStore integrations,
            OrganizationStore organizations,
            RuleSetStore ruleSets,
            SyncRunStore runs,
            TenantTransactions transactions,
            PageWriter writer,
            IntegrationRunLocks runLocks,
            CheckpointStore checkpoints,
            jakarta.inject.Provider<ConnectorOpener> connectors,
            StoredFieldGaps gaps,
            Clock clock) {
        return new RemapService(
                integrations,
                organizations,
                ruleSets,
                runs,
                new StoredRecordReader(transactions),
                gaps,
                checkpoints,
                writer,
                connectors::get,
                runLocks,
                clock);
    }

    @Singleton
    StoredFieldGaps storedFieldGaps(TenantTransactions transactions, SyncSettings settings) {
        // remap re-reads in bulk above the backfills' threshold (ADR 0034)
        return new StoredFieldGaps(transactions, settings.bulkThreshold());
    }

    @Singleton
    BackfillService backfillService(
            IntegrationStore integrations,
            OrganizationStore organizations,
            RuleSetStore ruleSets,
            CheckpointStore checkpoints,
            SyncRunStore runs,
            PageWriter writer,
            ConnectorOpener connectors,
            IntegrationRunLocks runLocks,
            SyncSettings settings,
            Clock clock,
            TenantTransactions transactions) {
        return new BackfillService(
                integrations,
                organizations,
                ruleSets,
                checkpoints,
                runs,
                writer,
                connectors,
                runLocks,
                settings,
                clock,
                new StoredRecordReader(transactions));
    }

    @Singleton
    IntegrationRunLocks integrationRunLocks(DatabaseRuntime database) {
        return new IntegrationRunLocks(database.dataSource());
    }

    /**
     * The clustered scheduler of this node, on standby until {@code serve} starts it; CLI commands
     * use it only to pause, resume and reconcile schedules that serving nodes pick up.
     */
    @Singleton
    @Bean(preDestroy = "close")
    IntegrationScheduler integrationScheduler(
            ScorelineConfig config,
            DatabaseRuntime database,
            TenantTransactions transactions,
            SyncService sync,
            Clock clock) {
        var settings = SchedulerSettings.defaults()
                .withCadence(SyncCadence.every(config.syncInterval()))
                .withThreadCount(config.schedulerThreads());
        ScheduledSyncLauncher launcher =
                fire -> sync.sync(fire.integrationId(), SyncTrigger.SCHEDULE, fire.runOptionsJson());
        return IntegrationScheduler.create(
                settings, database.dataSource(), new IntegrationDirectory(transactions), launcher, clock);
    }

    @Singleton
    InboxSettings inboxSettings(ScorelineConfig config) {
        return InboxSettings.defaults()
                .withWorkers(config.webhooks().inboxWorkers())
                .withWriters(config.webhooks().inboxWriters())
                .withMaxAttempts(config.webhooks().inboxMaxAttempts())
                .withBatchSize(config.webhooks().inboxBatchSize())
                .withApplyValues(config.webhooks().applyValues())
                .withVerifyAfter(config.webhooks().verifyAfter());
    }

    @Singleton
    IntakeSettings intakeSettings(ScorelineConfig config) {
        return new IntakeSettings(config.webhooks().maxQueued());
    }

    @Singleton
    InboxStore inboxStore(TenantTransactions transactions) {
        return new InboxStore(transactions);
    }

    @Singleton
    WebhookRoutes webhookRoutes(TenantTransactions transactions, Clock clock) {
        return new WebhookRoutes(transactions, clock);
    }

    @Singleton
    @Bean(preDestroy = "close")
    OpenConnectors openConnectors(ConnectorOpener opener) {
        return new OpenConnectors(opener);
    }

    /** Idle until {@code serve} starts them; controllers only nudge them. Stopped before the connectors close. */
    @Singleton
    @Bean(preDestroy = "close")
    InboxWorkers inboxWorkers(
            IntegrationStore integrations,
            OrganizationStore organizations,
            RuleSetStore ruleSets,
            PageWriter writer,
            InboxStore inbox,
            OpenConnectors connectors,
            InboxSettings settings,
            Clock clock) {
        var processor =
                new InboxProcessor(integrations, organizations, ruleSets, writer, inbox, connectors, settings, clock);
        return new InboxWorkers(inbox, processor, settings, clock);
    }

    @Singleton
    BackgroundWork inboxWork(InboxWorkers workers, InboxSettings settings) {
        return new InboxWork(workers, settings);
    }

    @Singleton
    BackgroundWork syncScheduleWork(
            IntegrationScheduler scheduler,
            jakarta.inject.Provider<io.scoreline.pipeline.sync.FormulaRefreshService> formulaRefresh) {
        return new SyncScheduleWork(
                scheduler,
                java.util.Optional.of(new io.scoreline.app.background.NightlyFormulaRefresh(formulaRefresh)));
    }

    @Singleton
    BackgroundWorkSupervisor backgroundWorks(List<BackgroundWork> works) {
        return new BackgroundWorkSupervisor(works);
    }

    @Singleton
    SyncService syncService(
            IntegrationStore integrations,
            OrganizationStore organizations,
            RuleSetStore ruleSets,
            CheckpointStore checkpoints,
            SyncRunStore runs,
            PageWriter writer,
            ConnectorOpener connectors,
            IntegrationRunLocks runLocks,
            SyncSettings settings,
            Clock clock) {
        return new SyncService(
                integrations,
                organizations,
                ruleSets,
                checkpoints,
                runs,
                writer,
                connectors,
                runLocks,
                settings,
                clock);
    }

    @Singleton
    io.scoreline.pipeline.sync.FormulaRefreshService formulaRefreshService(
            IntegrationStore integrations,
            OrganizationStore organizations,
            RuleSetStore ruleSets,
            CheckpointStore checkpoints,
            SyncRunStore runs,
            PageWriter writer,
            ConnectorOpener connectors,
            IntegrationRunLocks runLocks,
            SyncSettings settings,
            ScorelineConfig config,
            Clock clock) {
        return new io.scoreline.pipeline.sync.FormulaRefreshService(
                integrations,
                organizations,
                ruleSets,
                checkpoints,
                runs,
                writer,
                connectors,
                runLocks,
                settings,
                config.formulaRefreshWindow(),
                clock);
    }

    @Singleton
    SyncSettings syncSettings(ScorelineConfig config) {
        var limits = config.runLimits();
        return SyncSettings.defaults()
                .withRunLimits(limits.quotaShare(), limits.backfillQuotaShare(), limits.bulkThreshold())
                .withOrgQuotaShare(limits.orgQuotaShare());
    }

    @Singleton
    @Bean(preDestroy = "stop")
    CamelContext camelContext() {
        var camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("scoreline");
        camel.start();
        return camel;
    }
}
