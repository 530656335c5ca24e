package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.Checkpoint;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.FactDeriver;
import io.scoreline.pipeline.facts.MissingFields;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.facts.RuleSetFactDeriver;
import io.scoreline.pipeline.facts.StoredFieldGaps;
import io.scoreline.pipeline.facts.StoredRecordReader;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.IntegrationRunLocks;
import io.scoreline.pipeline.runs.SyncRun;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code remap}: re-derives facts from the records we already hold with the active rules and
 * the current owner links; it is how a rule change or a late link takes effect on history. When
 * the rules read fields some stored records were not read with, those records are read again
 * first with the rules' fields (ADR 0034): by id, or, above the bulk threshold where the CRM has a
 * bulk API, through one bulk query of the object that keeps the records that lack them; page by
 * page under the run's own cursor, so a failed remap resumes where it stopped; with nothing
 * missing it spends no API call.
 */
public final class RemapService {

    private static final Logger LOG = LoggerFactory.getLogger(RemapService.class);
    private static final int PAGE = 2000;
    /**
     * Ids read again per page: one commit, and one checkpoint, per this many. A multiple of what
     * one read call takes (200 or 100 ids, per the CRM profiles), so pages
     * cost what the plan says.
     */
    static final int REREAD_PAGE = 400;

    private final IntegrationStore integrations;
    private final OrganizationStore organizations;
    private final RuleSetStore ruleSets;
    private final SyncRunStore runs;
    private final StoredRecordReader records;
    private final StoredFieldGaps gaps;
    private final CheckpointStore checkpoints;
    private final PageWriter writer;
    // A supplier: opening a connector starts Camel, which a remap with nothing to read never needs.
    private final Supplier<ConnectorOpener> connectors;
    private final IntegrationRunLocks runLocks;
    private final Clock clock;

    public RemapService(
            IntegrationStore integrations,
            OrganizationStore organizations,
            RuleSetStore ruleSets,
            SyncRunStore runs,
            StoredRecordReader records,
            StoredFieldGaps gaps,
            CheckpointStore checkpoints,
            PageWriter writer,
            Supplier<ConnectorOpener> connectors,
            IntegrationRunLocks runLocks,
            Clock clock) {
        this.integrations = integrations;
        this.organizations = organizations;
        this.ruleSets = ruleSets;
        this.runs = runs;
        this.records = records;
        this.gaps = gaps;
        this.checkpoints = checkpoints;
        this.writer = writer;
        this.connectors = connectors;
        this.runLocks = runLocks;
        this.clock = clock;
    }

    /** The dry run: what must be read again and its cost, from the database alone. */
    public RemapPlan plan(long integrationId) {
        var integration = integrations.require(integrationId);
        var rules = ActiveRules.load(ruleSets, integration);
        return new RemapPlan(integrationId, missing(integration, rules));
    }

    /**
     * @param offline re-derive only from what is stored: refused when the rules read fields
     *                stored records lack, rather than derive facts from fields never read
     */
    public SyncOutcome remap(long integrationId, Optional<Instant> since, boolean offline, ProgressListener progress) {
        return prepare(integrationId, since, offline, (tx, runId) -> {}).execute(progress);
    }

    /**
     * Checks {@code offline}, takes the lock and records the run, so its id is known before
     * anything is read; a second start while the integration runs is a conflict naming the run.
     *
     * @param alsoCommit done with the run's id in the transaction that records it (an audit row)
     */
    public PreparedRun prepare(
            long integrationId, Optional<Instant> since, boolean offline, BiConsumer<DSLContext, Long> alsoCommit) {
        var integration = integrations.require(integrationId);
        var organization = organizations.require(integration.organizationId());
        if (offline) {
            var missing = missing(integration, ActiveRules.load(ruleSets, integration));
            if (!missing.isEmpty()) {
                throw ScorelineException.conflict("remap --offline refused: the active rules read fields that "
                        + missing.records() + " stored records were not read with (" + missing.summary()
                        + "); run `scoreline remap --integration " + integrationId + "` to read them again first");
            }
        }
        var lock = RunLockGate.acquire(runLocks, runs, organization.id(), integrationId);
        try {
            long runId = runs.start(
                    organization.id(), integrationId, SyncTrigger.REMAP, since, Optional.empty(), "{}", alsoCommit);
            return new PreparedRun(
                    runId,
                    integrationId,
                    SyncTrigger.REMAP,
                    lock,
                    progress -> execute(organization, integration, runId, since, progress));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Continues a remap that failed or was killed: its re-reads from its cursor, then the whole re-derivation. */
    public SyncOutcome resume(long runId, long integrationId, ProgressListener progress) {
        return prepareResume(runId, integrationId, tx -> {}).execute(progress);
    }

    /** Checks that the run is a remap to resume, takes the lock and marks the run running again. */
    public PreparedRun prepareResume(long runId, long integrationId, Consumer<DSLContext> alsoCommit) {
        var integration = integrations.require(integrationId);
        var organization = organizations.require(integration.organizationId());
        var run = runs.find(organization.id(), runId)
                .orElseThrow(() -> ScorelineException.notFound("no run " + runId + " for integration " + integrationId
                        + " (see `scoreline runs --integration " + integrationId + "`)"));
        requireResumable(run, integrationId);
        var lock = RunLockGate.acquire(runLocks, runs, organization.id(), integrationId);
        try {
            runs.reopen(organization.id(), runId, alsoCommit);
            return new PreparedRun(
                    runId,
                    integrationId,
                    SyncTrigger.REMAP,
                    lock,
                    progress -> execute(organization, integration, runId, run.windowFrom(), progress));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private SyncOutcome execute(
            Organization organization,
            Integration integration,
            long runId,
            Optional<Instant> since,
            ProgressListener progress) {
        try {
            var rules = ActiveRules.load(ruleSets, integration);
            var deriver = new RuleSetFactDeriver(
                    rules.ruleSet(),
                    organization.timezone(),
                    rules.ruleSetId(),
                    warning -> LOG.debug("integration {}: {}", integration.id(), warning.format()));
            var missing = missing(integration, rules);
            if (!missing.isEmpty()) {
                reread(organization, integration, runId, missing, deriver, progress);
            }
            rederive(organization, integration.id(), runId, since, deriver);
            runs.finish(organization.id(), runId, SyncStatus.SUCCEEDED, Optional.empty(), Optional.empty());
        } catch (ScorelineException e) {
            LOG.warn("Remap run {} of integration {} failed: {}", runId, integration.id(), e.getMessage());
            runs.finish(
                    organization.id(),
                    runId,
                    SyncStatus.FAILED,
                    Optional.of(e.kind().name()),
                    Optional.of(e.getMessage()));
        } finally {
            progress.finished();
        }
        return SyncOutcome.of(runs.find(organization.id(), runId).orElseThrow());
    }

    /**
     * Reads the lacking records again, by id, with the fields the rules read, and stores them with
     * their facts; ids the CRM no longer returns are stored as deleted, which retracts their facts.
     * Each page commits with its cursor in the run's scope.
     */
    private void reread(
            Organization organization,
            Integration integration,
            long runId,
            MissingFields missing,
            FactDeriver deriver,
            ProgressListener progress) {
        var scope = CheckpointStore.backfillScope(runId);
        try (var connector = connectors.get().open(integration)) {
            for (var gap : missing.gaps()) {
                var objectType = gap.objectType();
                var fields = deriver.fieldsRead(objectType);
                progress.started(objectType, gap.records());
                var saved = checkpoints.load(organization.id(), integration.id(), objectType, scope);
                // A cursor with a modstamp is a bulk read's; an id alone is a read by id's (a bulk
                // read's leftovers included). A resumed run goes on the way it went.
                boolean bulk = saved.map(c -> !c.modstamp().equals(Instant.EPOCH))
                        .orElse(gap.cost().inBulk());
                Optional<String> after;
                if (bulk) {
                    readInBulk(
                            organization, integration, runId, connector, objectType, fields, saved, deriver, progress);
                    // What the bulk query did not return (deleted and purged) is asked for by id.
                    after = Optional.empty();
                } else {
                    after = saved.map(Checkpoint::recordId);
                }
                while (true) {
                    var ids = gaps.lacking(organization.id(), integration.id(), objectType, fields, after, REREAD_PAGE);
                    if (ids.isEmpty()) {
                        break;
                    }
                    long callsBefore = connector.apiCalls();
                    var read = connector.read(objectType, fields, ids);
                    int calls = (int) (connector.apiCalls() - callsBefore);
                    var page = withAbsentDeleted(objectType, ids, read);
                    var cursor = new Checkpoint(Instant.EPOCH, ids.getLast());
                    writer.write(
                            organization.id(),
                            integration.id(),
                            objectType,
                            page,
                            deriver,
                            ChangeOrigin.live(),
                            (tx, written) -> {
                                checkpoints.save(tx, organization.id(), integration.id(), objectType, scope, cursor);
                                runs.count(tx, runId, ids.size(), written.factsChanged(), calls);
                            });
                    progress.advanced(ids.size());
                    after = Optional.of(ids.getLast());
                }
            }
        }
    }

    /**
     * Reads the object through the CRM's bulk API from the oldest stored modstamp among the records
     * that lack fields (a record changed since was only stamped later), keeps the records that
     * still lack them and stores those, page by page with the bulk cursor; a resumed run starts a
     * new bulk query from that cursor. Records not stored, or stored with every field, are dropped:
     * a remap reads again what it holds, it does not sync.
     */
    private void readInBulk(
            Organization organization,
            Integration integration,
            long runId,
            CrmConnector connector,
            String objectType,
            Set<String> fields,
            Optional<Checkpoint> cursor,
            FactDeriver deriver,
            ProgressListener progress) {
        var oldest = gaps.oldestLacking(organization.id(), integration.id(), objectType, fields);
        if (oldest.isEmpty()) {
            return;
        }
        var since = cursor.map(Checkpoint::modstamp)
                .filter(m -> m.isAfter(oldest.get()))
                .orElse(oldest.get());
        var scope = CheckpointStore.backfillScope(runId);
        var pages = connector.bulkChanges(new ChangeQuery(objectType, fields, since, Optional.empty(), PAGE));
        while (true) {
            var next = pages.next();
            if (next.isEmpty()) {
                break;
            }
            var page = next.get();
            var lacking = gaps.lackingAmong(
                    organization.id(),
                    integration.id(),
                    objectType,
                    fields,
                    page.records().stream().map(CrmRecord::recordId).toList());
            var kept = page.records().stream()
                    .filter(r -> lacking.contains(r.recordId()))
                    .toList();
            writer.write(
                    organization.id(),
                    integration.id(),
                    objectType,
                    kept,
                    deriver,
                    ChangeOrigin.live(),
                    (tx, written) -> {
                        page.cursorAfter()
                                .ifPresent(c -> checkpoints.save(
                                        tx, organization.id(), integration.id(), objectType, scope, c));
                        runs.count(tx, runId, kept.size(), written.factsChanged(), page.apiCalls());
                    });
            progress.advanced(kept.size());
        }
    }

    /** The records read, plus a deleted state for each id the CRM did not return (deleted and purged). */
    private java.util.List<CrmRecord> withAbsentDeleted(
            String objectType, java.util.List<String> ids, java.util.List<CrmRecord> read) {
        var page = new ArrayList<CrmRecord>(read);
        var returned = new HashSet<String>();
        read.forEach(r -> returned.add(r.recordId()));
        // Stamped now, which is after whatever state we hold, so the deletion is not taken for stale.
        var now = clock.instant();
        for (var id : ids) {
            if (!returned.contains(id)) {
                page.add(new CrmRecord(objectType, id, now, true, java.util.Map.of()));
            }
        }
        return page;
    }

    private void rederive(
            Organization organization, long integrationId, long runId, Optional<Instant> since, FactDeriver deriver) {
        for (var objectType : records.objectTypes(organization.id(), integrationId)) {
            Optional<String> after = Optional.empty();
            while (true) {
                var page = records.page(organization.id(), integrationId, objectType, after, since, PAGE);
                if (page.isEmpty()) {
                    break;
                }
                writer.rederive(
                        organization.id(),
                        integrationId,
                        objectType,
                        page,
                        deriver,
                        ChangeOrigin.live(),
                        (tx, written) -> runs.count(tx, runId, page.size(), written.factsChanged(), 0));
                after = Optional.of(page.getLast().recordId());
            }
        }
    }

    private MissingFields missing(Integration integration, ActiveRules rules) {
        var profile = CrmProfiles.of(integration.provider());
        return gaps.of(integration.organizationId(), integration.id(), rules.ruleSet(), profile);
    }

    private static void requireResumable(SyncRun run, long integrationId) {
        if (run.integrationId() != integrationId || run.trigger() != SyncTrigger.REMAP) {
            throw ScorelineException.badInput("run " + run.id() + " is not a remap of integration " + integrationId);
        }
        if (run.status() == SyncStatus.SUCCEEDED) {
            throw ScorelineException.conflict("remap run " + run.id() + " already succeeded; nothing to resume");
        }
    }
}
