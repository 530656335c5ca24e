package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.facts.RuleSetFactDeriver;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.IntegrationRunLocks;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An incremental sync (DESIGN §4): for every object the active rules read, pages of changes since
 * the live cursor (minus the lookback) are written one transaction each, cursor included, then
 * deletions the change query no longer returns are retracted. The run is recorded with its
 * counters; a spent quota or budget ends it as {@code partial}, to continue next time.
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final IntegrationStore integrations;
    private final OrganizationStore organizations;
    private final RuleSetStore ruleSets;
    private final CheckpointStore checkpoints;
    private final SyncRunStore runs;
    private final ObjectPump pump;
    private final ConnectorOpener connectors;
    private final IntegrationRunLocks runLocks;
    private final SyncSettings settings;
    private final Clock clock;
    private final SchemaDrift drift;

    public SyncService(
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
        this.integrations = integrations;
        this.organizations = organizations;
        this.ruleSets = ruleSets;
        this.checkpoints = checkpoints;
        this.runs = runs;
        this.pump = new ObjectPump(writer, checkpoints, runs, settings.syncBudget());
        this.connectors = connectors;
        this.runLocks = runLocks;
        this.settings = settings;
        this.clock = clock;
        this.drift = new SchemaDrift(integrations);
    }

    public SyncOutcome sync(long integrationId, SyncTrigger trigger) {
        return sync(integrationId, trigger, "{}");
    }

    /**
     * @param runOptionsJson kept with the run as a JSON object: a scheduled run keeps the fire it
     *                       stands for and the node that ran it, so the runs table proves each
     *                       fire ran once across the cluster (ADR 0055)
     */
    public SyncOutcome sync(long integrationId, SyncTrigger trigger, String runOptionsJson) {
        return prepare(integrationId, trigger, runOptionsJson, (tx, runId) -> {})
                .execute(ProgressListener.none());
    }

    /**
     * Takes the lock and records the run, so its id is known before anything is read; a second
     * start while the integration runs is a conflict naming the run in progress.
     *
     * @param alsoCommit done with the run's id in the transaction that records it (an audit row)
     */
    public PreparedRun prepare(long integrationId, SyncTrigger trigger, BiConsumer<DSLContext, Long> alsoCommit) {
        return prepare(integrationId, trigger, "{}", alsoCommit);
    }

    private PreparedRun prepare(
            long integrationId, SyncTrigger trigger, String runOptionsJson, BiConsumer<DSLContext, Long> alsoCommit) {
        var integration = integrations.require(integrationId);
        var organization = organizations.require(integration.organizationId());
        var lock = RunLockGate.acquire(runLocks, runs, organization.id(), integrationId);
        try {
            var now = clock.instant();
            long runId = runs.start(
                    organization.id(),
                    integrationId,
                    trigger,
                    Optional.empty(),
                    Optional.of(now),
                    runOptionsJson,
                    alsoCommit);
            return new PreparedRun(
                    runId, integrationId, trigger, lock, progress -> execute(organization, integration, runId, now));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private SyncOutcome execute(Organization organization, Integration integration, long runId, Instant now) {
        long integrationId = integration.id();
        ActiveRules rules = null;
        try {
            rules = ActiveRules.loadForRun(ruleSets, integration);
            var deriver = new RuleSetFactDeriver(
                    rules.ruleSet(),
                    organization.timezone(),
                    rules.ruleSetId(),
                    warning -> LOG.debug("integration {}: {}", integrationId, warning.format()));
            var target = new ObjectPump.Target(
                    organization.id(), integrationId, runId, CheckpointStore.LIVE, ChangeOrigin.live(), deriver);
            try (var connector = connectors.open(integration)) {
                for (var entry : rules.ruleSet().fieldsByObject().entrySet()) {
                    try {
                        syncObject(organization, integration, target, entry.getKey(), entry.getValue(), now, connector);
                    } catch (ScorelineException e) {
                        throw SchemaDrift.onObject(e, entry.getKey());
                    }
                }
            }
            drift.recovered(integration);
            return finish(organization, runId, SyncStatus.SUCCEEDED, Optional.empty());
        } catch (ScorelineException thrown) {
            var e = thrown;
            var mismatch = SchemaDrift.of(thrown);
            if (mismatch.isPresent()) {
                // Drift found before the run (the refreshed catalog lacks a field) has no compiled
                // rules yet: the KPIs come from the rules as they compiled before.
                var read = rules != null
                        ? Optional.of(rules.ruleSet())
                        : ActiveRules.beforeLatestChange(ruleSets, integration);
                if (read.isPresent()) {
                    e = drift.stop(integration, read.get(), mismatch.get());
                }
            }
            var status = e.kind() == FailureKind.QUOTA ? SyncStatus.PARTIAL : SyncStatus.FAILED;
            LOG.warn("Run {} of integration {} ended {}: {}", runId, integrationId, status.key(), e.getMessage());
            return finish(organization, runId, status, Optional.of(e));
        }
    }

    private void syncObject(
            Organization organization,
            Integration integration,
            ObjectPump.Target target,
            String objectType,
            Set<String> fields,
            Instant now,
            CrmConnector connector) {
        var since = checkpoints
                .load(organization.id(), integration.id(), objectType, CheckpointStore.LIVE)
                .map(cp -> cp.modstamp().minus(settings.lookback()))
                .orElse(now.minus(settings.initialWindow()));
        pump.pump(
                target,
                connector,
                new ChangeQuery(objectType, fields, since, Optional.empty(), settings.pageSize()),
                now,
                ProgressListener.none());
    }

    private SyncOutcome finish(
            Organization organization, long runId, SyncStatus status, Optional<ScorelineException> failure) {
        runs.finish(
                organization.id(),
                runId,
                status,
                failure.map(e -> e.kind().name()),
                failure.map(Throwable::getMessage));
        return SyncOutcome.of(runs.find(organization.id(), runId).orElseThrow());
    }
}
