package io.scoreline.pipeline.sync;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStatus;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.runs.IntegrationRunLocks;
import io.scoreline.pipeline.runs.SyncRun;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runs an organization starts through the API (ADR 0039): the integration is resolved in the
 * organization, the lock taken and the run recorded with its audit row in the caller's thread, so
 * the run's id exists and a second start is refused before the answer; the reading then goes on
 * on a virtual thread of this process. Also the organization's runs, listed and shown, with the
 * progress of those this process executes.
 */
@Singleton
public final class BackgroundRuns {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRuns.class);

    private final IntegrationStore integrations;
    private final OrganizationStore organizations;
    private final SyncRunStore runs;
    private final IntegrationRunLocks runLocks;
    private final RuleSetStore ruleSets;
    private final Provider<SyncService> sync;
    private final Provider<BackfillService> backfill;
    private final Provider<RemapService> remap;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Long, AtomicReference<Optional<RunProgress>>> inFlight = new ConcurrentHashMap<>();

    @Inject
    public BackgroundRuns(
            IntegrationStore integrations,
            OrganizationStore organizations,
            SyncRunStore runs,
            IntegrationRunLocks runLocks,
            RuleSetStore ruleSets,
            Provider<SyncService> sync,
            Provider<BackfillService> backfill,
            Provider<RemapService> remap) {
        this.integrations = integrations;
        this.organizations = organizations;
        this.runs = runs;
        this.runLocks = runLocks;
        this.ruleSets = ruleSets;
        this.sync = sync;
        this.backfill = backfill;
        this.remap = remap;
    }

    /** An incremental sync, started now and read in the background. */
    public StartedRun sync(long organizationId, long integrationId, Actor actor) {
        integration(organizationId, integrationId);
        return launch(sync.get()
                .prepare(
                        integrationId,
                        SyncTrigger.MANUAL,
                        audited(organizationId, actor, "run.sync", integrationId, Map.of())));
    }

    /**
     * The objects a backfill may be narrowed to: each one the active rules read.
     *
     * @throws ScorelineException bad input naming an object they do not read
     */
    public Set<String> backfillObjects(long organizationId, long integrationId, List<String> objects) {
        var integration = integration(organizationId, integrationId);
        var requested = Set.copyOf(objects);
        BackfillService.selected(
                ActiveRules.load(ruleSets, integration).ruleSet().fieldsByObject(), requested);
        return requested;
    }

    /** The backfill's dry run (the CLI's {@code backfill --dry-run}); nothing is started or written. */
    public BackfillPlan planBackfill(
            long organizationId, long integrationId, LocalDate from, LocalDate to, Set<String> objects) {
        integration(organizationId, integrationId);
        return backfill.get().plan(integrationId, from, to, objects);
    }

    public StartedRun backfill(
            long organizationId,
            long integrationId,
            LocalDate from,
            LocalDate to,
            Set<String> objects,
            boolean notify,
            Actor actor) {
        integration(organizationId, integrationId);
        var changes = new LinkedHashMap<String, Object>();
        changes.put("from", from.toString());
        changes.put("to", to.toString());
        changes.put("notify", notify);
        if (!objects.isEmpty()) {
            changes.put("objects", List.copyOf(new TreeSet<>(objects)));
        }
        return launch(backfill.get()
                .prepare(
                        integrationId,
                        from,
                        to,
                        notify,
                        objects,
                        audited(organizationId, actor, "run.backfill", integrationId, changes)));
    }

    /** The remap's dry run (the CLI's {@code remap --dry-run}); nothing is started or written. */
    public RemapPlan planRemap(long organizationId, long integrationId) {
        integration(organizationId, integrationId);
        return remap.get().plan(integrationId);
    }

    /** @param from only records modified on or after this day, in the organization's time zone */
    public StartedRun remap(
            long organizationId, long integrationId, Optional<LocalDate> from, boolean offline, Actor actor) {
        integration(organizationId, integrationId);
        var zone = organizations.require(organizationId).timezone();
        var changes = new LinkedHashMap<String, Object>();
        from.ifPresent(day -> changes.put("from", day.toString()));
        changes.put("offline", offline);
        return launch(remap.get()
                .prepare(
                        integrationId,
                        from.map(day -> day.atStartOfDay(zone).toInstant()),
                        offline,
                        audited(organizationId, actor, "run.remap", integrationId, changes)));
    }

    /** Continues a failed or interrupted remap of the integration (the CLI's {@code remap --resume}). */
    public StartedRun resumeRemap(long organizationId, long integrationId, long runId, Actor actor) {
        integration(organizationId, integrationId);
        var audit = audited(organizationId, actor, "run.remap", integrationId, Map.of("resume", runId));
        return launch(remap.get().prepareResume(runId, integrationId, tx -> audit.accept(tx, runId)));
    }

    /** The organization's runs, newest first, {@code limit} of them after the run {@code afterId}. */
    public RunListing list(long organizationId, RunFilter filter, Optional<Long> afterId, int limit) {
        filter.integrationId().ifPresent(id -> integration(organizationId, id));
        var rows =
                runs.page(organizationId, filter.integrationId(), filter.kind(), filter.status(), afterId, limit + 1);
        var statuses = new java.util.HashMap<Long, IntegrationStatus>();
        integrations.list(organizationId).forEach(i -> statuses.put(i.id(), i.status()));
        var shown = rows.stream()
                .limit(limit)
                .map(run -> view(organizationId, run, statuses.get(run.integrationId())))
                .toList();
        return new RunListing(
                shown, rows.size() > limit ? Optional.of(shown.getLast().run().id()) : Optional.empty());
    }

    public RunView show(long organizationId, long runId) {
        var run = runs.find(organizationId, runId).orElseThrow(() -> ScorelineException.notFound("no run " + runId));
        return view(
                organizationId,
                run,
                integration(organizationId, run.integrationId()).status());
    }

    /** A page of runs and the id to list after for the next one, if more follow. */
    public record RunListing(List<RunView> runs, Optional<Long> nextAfter) {
        public RunListing {
            runs = List.copyOf(runs);
        }
    }

    private RunView view(long organizationId, SyncRun run, IntegrationStatus integrationStatus) {
        var progress = Optional.ofNullable(inFlight.get(run.id())).flatMap(AtomicReference::get);
        boolean interrupted = false;
        if (run.status() == SyncStatus.RUNNING
                && !inFlight.containsKey(run.id())
                && !runLocks.held(run.integrationId())) {
            // Read again: the run may have finished, and let go of its lock, since it was read.
            var now = runs.find(organizationId, run.id()).orElse(run);
            interrupted = now.status() == SyncStatus.RUNNING;
            run = now;
        }
        return new RunView(run, integrationStatus, progress, interrupted);
    }

    private StartedRun launch(PreparedRun prepared) {
        var progress = new AtomicReference<Optional<RunProgress>>(Optional.empty());
        inFlight.put(prepared.runId(), progress);
        try {
            executor.execute(() -> execute(prepared, progress));
        } catch (RuntimeException e) {
            inFlight.remove(prepared.runId());
            prepared.abandon();
            throw e;
        }
        return new StartedRun(prepared.runId(), prepared.integrationId(), prepared.trigger());
    }

    private void execute(PreparedRun prepared, AtomicReference<Optional<RunProgress>> progress) {
        try {
            var outcome = prepared.execute(new ProgressListener() {
                @Override
                public void started(String objectType, long expectedRecords) {
                    progress.set(Optional.of(new RunProgress(objectType, expectedRecords, 0)));
                }

                @Override
                public void advanced(long records) {
                    progress.updateAndGet(p -> p.map(
                            at -> new RunProgress(at.object(), at.expectedRecords(), at.recordsDone() + records)));
                }

                @Override
                public void finished() {
                    progress.set(Optional.empty());
                }
            });
            LOG.info(
                    "Run {} of integration {} ended {}",
                    outcome.runId(),
                    prepared.integrationId(),
                    outcome.status().key());
        } catch (RuntimeException e) {
            // The services record the failures they expect; anything else must not leave the row running.
            LOG.error("Run {} of integration {} failed", prepared.runId(), prepared.integrationId(), e);
            try {
                var organizationId =
                        integrations.require(prepared.integrationId()).organizationId();
                runs.finish(
                        organizationId,
                        prepared.runId(),
                        SyncStatus.FAILED,
                        Optional.of("bug"),
                        Optional.of(String.valueOf(e.getMessage())));
            } catch (RuntimeException f) {
                LOG.warn("Cannot record the failure of run {}: {}", prepared.runId(), f.getMessage());
            }
        } finally {
            inFlight.remove(prepared.runId());
        }
    }

    /** The integration, looked up in the caller's organization: another organization's id is not found. */
    private Integration integration(long organizationId, long integrationId) {
        return integrations
                .find(organizationId, integrationId)
                .orElseThrow(() -> ScorelineException.notFound("no integration " + integrationId));
    }

    private static BiConsumer<DSLContext, Long> audited(
            long organizationId, Actor actor, String action, long integrationId, Map<String, Object> details) {
        return (tx, runId) -> {
            var changes = new LinkedHashMap<String, Object>(details);
            changes.put("run", runId);
            AuditLog.append(tx, organizationId, new AuditEntry(actor, action, "integration:" + integrationId, changes));
        };
    }
}
