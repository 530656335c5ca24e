package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.RecordPage;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.facts.RuleSetFactDeriver;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
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
    private final PageWriter writer;
    private final ConnectorOpener connectors;
    private final RunExclusion exclusion;
    private final SyncSettings settings;
    private final Clock clock;

    public SyncService(IntegrationStore integrations, OrganizationStore organizations, RuleSetStore ruleSets,
            CheckpointStore checkpoints, SyncRunStore runs, PageWriter writer, ConnectorOpener connectors,
            RunExclusion exclusion, SyncSettings settings, Clock clock) {
        this.integrations = integrations;
        this.organizations = organizations;
        this.ruleSets = ruleSets;
        this.checkpoints = checkpoints;
        this.runs = runs;
        this.writer = writer;
        this.connectors = connectors;
        this.exclusion = exclusion;
        this.settings = settings;
        this.clock = clock;
    }

    public SyncOutcome sync(long integrationId, SyncTrigger trigger) {
        var integration = integrations.require(integrationId);
        var organization = organizations.require(integration.organizationId());
        try (var lease = exclusion.acquire(integrationId)) {
            var now = clock.instant();
            long runId = runs.start(organization.id(), integrationId, trigger, Optional.empty(), Optional.of(now));
            var counters = new Counters();
            try {
                var rules = ActiveRules.load(ruleSets, integration);
                try (var connector = connectors.open(integration)) {
                    for (var entry : rules.ruleSet().fieldsByObject().entrySet()) {
                        syncObject(organization, integration, runId, rules, entry.getKey(), entry.getValue(), now, connector, counters);
                    }
                }
                runs.finish(organization.id(), runId, SyncStatus.SUCCEEDED, Optional.empty(), Optional.empty());
                return counters.outcome(runId, SyncStatus.SUCCEEDED, Optional.empty());
            } catch (ScorelineException e) {
                var status = e.kind() == FailureKind.QUOTA ? SyncStatus.PARTIAL : SyncStatus.FAILED;
                LOG.warn("Run {} of integration {} ended {}: {}", runId, integrationId, status.key(), e.getMessage());
                runs.finish(organization.id(), runId, status, Optional.of(e.kind().name()), Optional.of(e.getMessage()));
                return counters.outcome(runId, status, Optional.of(e.getMessage()));
            }
        }
    }

    private void syncObject(Organization organization, Integration integration, long runId, ActiveRules rules, String objectType,
            java.util.Set<String> fields, Instant now, CrmConnector connector, Counters counters) {
        var since = checkpoints.load(organization.id(), integration.id(), objectType, CheckpointStore.LIVE)
                .map(cp -> cp.modstamp().minus(settings.lookback()))
                .orElse(now.minus(settings.initialWindow()));
        var deriver = new RuleSetFactDeriver(rules.ruleSet(), organization.timezone(), rules.ruleSetId(),
                warning -> LOG.debug("integration {}: {}", integration.id(), warning.format()));
        var source = connector.changes(new ChangeQuery(objectType, fields, since, Optional.empty(), settings.pageSize()));
        for (var page = source.next(); page.isPresent(); page = source.next()) {
            write(organization, integration, runId, page.get(), deriver, counters);
            enforceBudget(connector, integration);
        }
        write(organization, integration, runId, connector.deletions(objectType, since, now), deriver, counters);
    }

    private void write(Organization organization, Integration integration, long runId, RecordPage page,
            RuleSetFactDeriver deriver, Counters counters) {
        var result = writer.write(organization.id(), integration.id(), page.objectType(), page.records(), deriver,
                ChangeOrigin.live(), (tx, written) -> {
                    page.cursorAfter().ifPresent(cursor -> checkpoints.save(tx, organization.id(), integration.id(),
                            page.objectType(), CheckpointStore.LIVE, cursor));
                    runs.count(tx, runId, page.records().size(), written.factsChanged(), page.apiCalls());
                });
        counters.add(page.records().size(), result.factsChanged(), page.apiCalls());
    }

    /** Stops the run once it has used its share of the daily quota; the next run continues from the cursor. */
    private void enforceBudget(CrmConnector connector, Integration integration) {
        var quota = connector.quota();
        if (quota.isEmpty()) {
            return;
        }
        long budget = (long) Math.floor(quota.get().max() * settings.quotaShare());
        if (connector.apiCalls() >= budget || quota.get().remaining() == 0) {
            throw new ScorelineException(FailureKind.QUOTA, String.format(Locale.ROOT,
                    "stopped after %d API calls: the run's share (%.0f%%) of the daily quota of %d is spent (%d used org-wide); "
                            + "the next run continues from here", connector.apiCalls(), settings.quotaShare() * 100,
                    quota.get().max(), quota.get().used()));
        }
    }

    /** Counts what committed, for the outcome the caller prints. */
    private static final class Counters {
        private final AtomicLong records = new AtomicLong();
        private final AtomicLong facts = new AtomicLong();
        private final AtomicLong calls = new AtomicLong();

        void add(long r, long f, long c) {
            records.addAndGet(r);
            facts.addAndGet(f);
            calls.addAndGet(c);
        }

        SyncOutcome outcome(long runId, SyncStatus status, Optional<String> message) {
            return new SyncOutcome(runId, status, records.get(), facts.get(), calls.get(), message);
        }
    }
}
