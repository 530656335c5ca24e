package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.facts.RuleSetFactDeriver;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.IntegrationRunLocks;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads, over a recent window, the records of the objects whose rules read a formula field,
 * and re-derives their facts (issue 20). A formula's value changes when its inputs change on
 * other records, and the record's modification stamp does not move, so the live cursor has long
 * passed it. The run reads records modified in the window under its own cursor
 * ({@code run:<id>}, never the live one) and is recorded with trigger {@code formula_refresh};
 * badges it changes are awarded silently, as for a backfill. Integrations whose rules read no
 * formula field are not read at all.
 */
public final class FormulaRefreshService {

    private static final Logger LOG = LoggerFactory.getLogger(FormulaRefreshService.class);

    private final IntegrationStore integrations;
    private final OrganizationStore organizations;
    private final RuleSetStore ruleSets;
    private final SyncRunStore runs;
    private final ObjectPump pump;
    private final ConnectorOpener connectors;
    private final IntegrationRunLocks runLocks;
    private final SyncSettings settings;
    private final Duration window;
    private final Clock clock;
    private final SchemaDrift drift;

    /** @param window how far back a refresh reads (records modified in the last {@code window}) */
    public FormulaRefreshService(
            IntegrationStore integrations,
            OrganizationStore organizations,
            RuleSetStore ruleSets,
            CheckpointStore checkpoints,
            SyncRunStore runs,
            PageWriter writer,
            ConnectorOpener connectors,
            IntegrationRunLocks runLocks,
            SyncSettings settings,
            Duration window,
            Clock clock) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
        this.integrations = integrations;
        this.organizations = organizations;
        this.ruleSets = ruleSets;
        this.runs = runs;
        this.pump = new ObjectPump(writer, checkpoints, runs, settings.backfillBudget());
        this.connectors = connectors;
        this.runLocks = runLocks;
        this.settings = settings;
        this.window = window;
        this.clock = clock;
        this.drift = new SchemaDrift(integrations);
    }

    /**
     * The dry run: which objects, how many records and API calls; nothing is written. Formulas are
     * learned from the integration's stored catalog (ADR 0033), so the dry run spends no call on it.
     */
    public FormulaRefreshPlan plan(long integrationId) {
        var integration = integrations.require(integrationId);
        var rules = ActiveRules.load(ruleSets, integration);
        var formulas = FormulaObjects.of(rules.ruleSet(), ruleSets.catalogs().effective(integration));
        var until = clock.instant();
        var from = until.minus(window);
        var objects = new ArrayList<FormulaRefreshPlan.ObjectRefresh>();
        if (formulas.isEmpty()) {
            return new FormulaRefreshPlan(integrationId, from, until, objects, 0);
        }
        try (var connector = connectors.open(integration)) {
            for (var entry : formulas.entrySet()) {
                long records = connector.count(query(rules, entry.getKey(), from, until));
                objects.add(new FormulaRefreshPlan.ObjectRefresh(
                        entry.getKey(), entry.getValue(), records, connector.callsToRead(records)));
            }
            return new FormulaRefreshPlan(integrationId, from, until, objects, 0);
        }
    }

    /**
     * Re-reads the window now; empty, with no run recorded, when no active rule reads a formula
     * field (the nightly schedule asks every integration).
     */
    public Optional<SyncOutcome> refresh(long integrationId) {
        var integration = integrations.require(integrationId);
        var organization = organizations.require(integration.organizationId());
        // The stored catalog says which fields are formulas; read again first only when it is
        // older than SCORELINE_CATALOG_MAX_AGE (no describe per object per night).
        var rules = ActiveRules.loadForRun(ruleSets, integration);
        var formulas = FormulaObjects.of(rules.ruleSet(), ruleSets.catalogs().effective(integration));
        if (formulas.isEmpty()) {
            return Optional.empty();
        }
        try (var lease = runLocks.tryAcquire(integrationId).orElseThrow();
                var connector = connectors.open(integration)) {
            var until = clock.instant();
            var from = until.minus(window);
            long runId = runs.start(
                    organization.id(),
                    integrationId,
                    SyncTrigger.FORMULA_REFRESH,
                    Optional.of(from),
                    Optional.of(until));
            LOG.info(
                    "Formula refresh run {} of integration {}: {} modified {} .. {}",
                    runId,
                    integrationId,
                    formulas,
                    from,
                    until);
            try {
                var scope = CheckpointStore.backfillScope(runId);
                var deriver = new RuleSetFactDeriver(
                        rules.ruleSet(),
                        organization.timezone(),
                        rules.ruleSetId(),
                        warning -> LOG.debug("integration {}: {}", integrationId, warning.format()));
                var target = new ObjectPump.Target(
                        organization.id(), integrationId, runId, scope, ChangeOrigin.backfill(false), deriver);
                for (var objectType : formulas.keySet()) {
                    read(target, connector, rules, objectType, from, until);
                }
                drift.recovered(integration);
                return Optional.of(finish(organization.id(), runId, SyncStatus.SUCCEEDED, Optional.empty()));
            } catch (ScorelineException thrown) {
                var e = SchemaDrift.of(thrown)
                        .<ScorelineException>map(mismatch -> drift.stop(integration, rules.ruleSet(), mismatch))
                        .orElse(thrown);
                var status = e.kind() == FailureKind.QUOTA ? SyncStatus.PARTIAL : SyncStatus.FAILED;
                LOG.warn(
                        "Formula refresh run {} of integration {} ended {}: {}",
                        runId,
                        integrationId,
                        status.key(),
                        e.getMessage());
                return Optional.of(finish(organization.id(), runId, status, Optional.of(e)));
            }
        }
    }

    private void read(
            ObjectPump.Target target,
            CrmConnector connector,
            ActiveRules rules,
            String objectType,
            Instant from,
            Instant until) {
        try {
            pump.pump(target, connector, query(rules, objectType, from, until), until, ProgressListener.none());
        } catch (ScorelineException e) {
            throw SchemaDrift.onObject(e, objectType);
        }
    }

    private ChangeQuery query(ActiveRules rules, String objectType, Instant from, Instant until) {
        return new ChangeQuery(
                objectType,
                rules.ruleSet().fieldsByObject().get(objectType),
                from,
                Optional.of(until),
                settings.pageSize());
    }

    private SyncOutcome finish(
            long organizationId, long runId, SyncStatus status, Optional<ScorelineException> failure) {
        runs.finish(
                organizationId, runId, status, failure.map(e -> e.kind().name()), failure.map(Throwable::getMessage));
        return SyncOutcome.of(runs.find(organizationId, runId).orElseThrow());
    }
}
