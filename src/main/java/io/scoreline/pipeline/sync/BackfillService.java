package io.scoreline.pipeline.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.facts.RuleSetFactDeriver;
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
import io.scoreline.pipeline.tenancy.DayInput;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfills history: records last modified in a window, read with the same pages and
 * transactions as a sync but under the run's own cursor ({@code run:<id>}), so the live cursor
 * never moves and an interrupted backfill resumes where its last committed page ended. Its
 * outbox rows are marked {@code backfill}, so badges are awarded silently unless asked otherwise.
 * A completed backfill that reached the present hands its end to the live sync of objects that
 * have no live cursor yet.
 */
public final class BackfillService {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillService.class);

    private final IntegrationStore integrations;
    private final OrganizationStore organizations;
    private final RuleSetStore ruleSets;
    private final CheckpointStore checkpoints;
    private final SyncRunStore runs;
    private final ObjectPump pump;
    private final ConnectorOpener connectors;
    private final IntegrationRunLocks runLocks;
    private final SyncSettings settings;
    private final ObjectReadPlanner planner;
    private final Clock clock;

    /** A backfill that never pushes rule filters down (it cannot check for stored records). */
    public BackfillService(
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
        this(
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
                Optional.empty());
    }

    /** @param storedRecords checks that a push-down cannot hide a retraction (DESIGN §6) */
    public BackfillService(
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
            StoredRecordReader storedRecords) {
        this(
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
                Optional.of(storedRecords));
    }

    private BackfillService(
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
            Optional<StoredRecordReader> storedRecords) {
        this.integrations = integrations;
        this.organizations = organizations;
        this.ruleSets = ruleSets;
        this.checkpoints = checkpoints;
        this.runs = runs;
        this.pump = new ObjectPump(writer, checkpoints, runs, settings.backfillBudget());
        this.connectors = connectors;
        this.runLocks = runLocks;
        this.settings = settings;
        this.planner = new ObjectReadPlanner(settings, storedRecords);
        this.clock = clock;
    }

    /** The dry run: one count per object, how it would be read, nothing written. */
    public BackfillPlan plan(long integrationId, LocalDate from, LocalDate to) {
        return plan(integrationId, from, to, Set.of());
    }

    /** @param objects the objects to count, all the rules read when empty */
    public BackfillPlan plan(long integrationId, LocalDate from, LocalDate to, Set<String> objects) {
        var integration = integrations.require(integrationId);
        var organization = organizations.require(integration.organizationId());
        var window = window(organization, from, to);
        var rules = ActiveRules.load(ruleSets, integration);
        var selected = selected(rules.ruleSet().fieldsByObject(), objects);
        try (var connector = connectors.open(integration)) {
            var estimates = new ArrayList<BackfillPlan.ObjectEstimate>();
            for (var entry : selected.entrySet()) {
                var query = new ChangeQuery(
                        entry.getKey(),
                        entry.getValue(),
                        window.from(),
                        Optional.of(window.until()),
                        settings.pageSize());
                var read = planner.plan(
                        connector,
                        integration.provider(),
                        rules.ruleSet(),
                        organization.id(),
                        integration.id(),
                        query,
                        window.until(),
                        true);
                long records = read.records();
                long perBulkCall = settings.pageSize() * BULK_PAGES_PER_CALL;
                long calls = read.bulk()
                        ? BULK_FIXED_CALLS + (records + perBulkCall - 1) / perBulkCall
                        : connector.callsToRead(records);
                estimates.add(new BackfillPlan.ObjectEstimate(
                        entry.getKey(),
                        records,
                        calls,
                        read.mode(),
                        read.pushDown().filter(),
                        read.pushDown().note()));
            }
            return new BackfillPlan(window.from(), window.until(), estimates);
        }
    }

    public SyncOutcome run(
            long integrationId, LocalDate from, LocalDate to, boolean notify, ProgressListener progress) {
        return prepare(integrationId, from, to, notify, Set.of(), (tx, runId) -> {})
                .execute(progress);
    }

    /**
     * Checks the window and the objects, takes the lock and records the run, so its id is known
     * before anything is read; a second start while the integration runs is a conflict naming
     * the run in progress.
     *
     * @param objects    the objects to read, all the rules read when empty; kept for a resume
     * @param alsoCommit done with the run's id in the transaction that records it (an audit row)
     */
    public PreparedRun prepare(
            long integrationId,
            LocalDate from,
            LocalDate to,
            boolean notify,
            Set<String> objects,
            BiConsumer<DSLContext, Long> alsoCommit) {
        var integration = integrations.require(integrationId);
        var organization = organizations.require(integration.organizationId());
        var window = window(organization, from, to);
        selected(ActiveRules.load(ruleSets, integration).ruleSet().fieldsByObject(), objects);
        var lock = RunLockGate.acquire(runLocks, runs, organization.id(), integrationId);
        try {
            var options = new TreeMap<String, Object>();
            options.put("notify", notify);
            options.put(REACHES_PRESENT, window.reachesPresent());
            if (!objects.isEmpty()) {
                options.put(OBJECTS, new TreeSet<>(objects));
            }
            long runId = runs.start(
                    organization.id(),
                    integrationId,
                    SyncTrigger.BACKFILL,
                    Optional.of(window.from()),
                    Optional.of(window.until()),
                    JSON.writeValueAsString(options),
                    alsoCommit);
            LOG.info(
                    "Backfill run {} of integration {}: records modified {} .. {}",
                    runId,
                    integrationId,
                    window.from(),
                    window.until());
            return new PreparedRun(
                    runId,
                    integrationId,
                    SyncTrigger.BACKFILL,
                    lock,
                    progress -> execute(organization, integration, runId, window, notify, objects, progress));
        } catch (JsonProcessingException e) {
            lock.close();
            throw new ScorelineException(FailureKind.BUG, "backfill options are not JSON: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * The rules' objects and fields, only {@code objects} when any are named.
     *
     * @throws ScorelineException bad input naming an object the active rules do not read
     */
    static Map<String, Set<String>> selected(Map<String, Set<String>> fieldsByObject, Set<String> objects) {
        if (objects.isEmpty()) {
            return fieldsByObject;
        }
        for (var object : objects) {
            if (!fieldsByObject.containsKey(object)) {
                throw ScorelineException.badInput("the active rules read no object " + object + "; they read: "
                        + String.join(", ", fieldsByObject.keySet()));
            }
        }
        var selected = new LinkedHashMap<String, Set<String>>();
        fieldsByObject.forEach((object, fields) -> {
            if (objects.contains(object)) {
                selected.put(object, fields);
            }
        });
        return selected;
    }

    /** Continues an interrupted or partial backfill from its own cursors, with its original window and options. */
    public SyncOutcome resume(long runId, long integrationId, ProgressListener progress) {
        var integration = integrations.require(integrationId);
        var organization = organizations.require(integration.organizationId());
        var run = runs.find(organization.id(), runId)
                .orElseThrow(() -> ScorelineException.notFound("no run " + runId + " for integration " + integrationId
                        + " (see `scoreline runs --integration " + integrationId + "`)"));
        requireResumable(run, integrationId);
        try (var lease = runLocks.tryAcquire(integrationId).orElseThrow()) {
            runs.reopen(organization.id(), runId);
            var window = new Window(
                    run.windowFrom().orElseThrow(),
                    run.windowTo().orElseThrow(),
                    runs.option(organization.id(), runId, REACHES_PRESENT));
            return execute(
                    organization,
                    integration,
                    runId,
                    window,
                    runs.option(organization.id(), runId, "notify"),
                    Set.copyOf(runs.texts(organization.id(), runId, OBJECTS)),
                    progress);
        }
    }

    private SyncOutcome execute(
            Organization organization,
            Integration integration,
            long runId,
            Window window,
            boolean notify,
            Set<String> objects,
            ProgressListener progress) {
        var scope = CheckpointStore.backfillScope(runId);
        try {
            var rules = ActiveRules.loadForRun(ruleSets, integration);
            var selected = selected(rules.ruleSet().fieldsByObject(), objects);
            var deriver = new RuleSetFactDeriver(
                    rules.ruleSet(),
                    organization.timezone(),
                    rules.ruleSetId(),
                    warning -> LOG.debug("integration {}: {}", integration.id(), warning.format()));
            var target = new ObjectPump.Target(
                    organization.id(), integration.id(), runId, scope, ChangeOrigin.backfill(notify), deriver);
            try (var connector = connectors.open(integration)) {
                for (var entry : selected.entrySet()) {
                    var since = checkpoints
                            .load(organization.id(), integration.id(), entry.getKey(), scope)
                            .map(cp -> cp.modstamp())
                            .orElse(window.from());
                    var query = new ChangeQuery(
                            entry.getKey(), entry.getValue(), since, Optional.of(window.until()), settings.pageSize());
                    var read = planner.plan(
                            connector,
                            integration.provider(),
                            rules.ruleSet(),
                            organization.id(),
                            integration.id(),
                            query,
                            window.until(),
                            false);
                    LOG.info(
                            "Backfill run {}: {} ({} records) via {}, filter {}",
                            runId,
                            entry.getKey(),
                            read.records(),
                            read.mode(),
                            read.pushDown().note());
                    progress.started(entry.getKey(), read.records());
                    pump.pump(
                            target,
                            read.bulk() ? new BulkReadingConnector(connector) : connector,
                            read.query(),
                            window.until(),
                            progress);
                }
            }
            progress.finished();
            return succeed(organization, integration, runId, window, selected.keySet());
        } catch (ScorelineException e) {
            progress.finished();
            var status = e.kind() == FailureKind.QUOTA ? SyncStatus.PARTIAL : SyncStatus.FAILED;
            LOG.warn("Backfill run {} ended {}: {}", runId, status.key(), e.getMessage());
            return finish(organization, runId, status, Optional.of(e));
        }
    }

    /** A bulk read's estimate: describe, create, about two polls and getDeleted, then one call per results chunk. */
    private static final long BULK_FIXED_CALLS = 5;

    private static final long BULK_PAGES_PER_CALL = 10;

    private static void requireResumable(SyncRun run, long integrationId) {
        if (run.integrationId() != integrationId || run.trigger() != SyncTrigger.BACKFILL) {
            throw ScorelineException.badInput("run " + run.id() + " is not a backfill of integration " + integrationId);
        }
        if (run.status() == SyncStatus.SUCCEEDED) {
            throw ScorelineException.conflict("backfill run " + run.id() + " already succeeded; nothing to resume");
        }
    }

    /**
     * Marks the run succeeded and, when its window reached the present, starts the live cursor of
     * every object that has none where this backfill ended, in the same transaction: the first
     * scheduled sync then reads what changed since instead of its whole initial window again, so
     * onboarding costs the CRM quota once (ADR 0025).
     */
    private SyncOutcome succeed(
            Organization organization,
            Integration integration,
            long runId,
            Window window,
            java.util.Collection<String> objectTypes) {
        runs.finish(organization.id(), runId, SyncStatus.SUCCEEDED, Optional.empty(), Optional.empty(), tx -> {
            if (window.reachesPresent()) {
                var started = checkpoints.startLiveWhereBackfillEnded(
                        tx, organization.id(), integration.id(), runId, objectTypes, window.until());
                if (!started.isEmpty()) {
                    LOG.info(
                            "Backfill run {} reached the present: the live sync of {} starts where it ended",
                            runId,
                            started);
                }
            }
        });
        return SyncOutcome.of(runs.find(organization.id(), runId).orElseThrow());
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

    /** The run option that names the objects a backfill reads when it reads only some. */
    private static final String OBJECTS = "objects";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The run option that says the window was cut at the time the backfill started. */
    private static final String REACHES_PRESENT = "reaches_present";

    /** [first day 00:00, day after the last day 00:00) in the organization's zone, never past now. */
    private Window window(Organization organization, LocalDate from, LocalDate to) {
        DayInput.requireSupported(from, "--from");
        DayInput.requireSupported(to, "--to");
        if (to.isBefore(from)) {
            throw ScorelineException.badInput("--to " + to + " is before --from " + from);
        }
        var start = from.atStartOfDay(organization.timezone()).toInstant();
        var end = to.plusDays(1).atStartOfDay(organization.timezone()).toInstant();
        var now = clock.instant();
        if (!start.isBefore(now)) {
            throw ScorelineException.badInput("--from " + from + " is in the future");
        }
        return end.isAfter(now) ? new Window(start, now, true) : new Window(start, end, false);
    }

    /** @param reachesPresent {@code until} is the time the backfill started, not the end of its last day */
    private record Window(Instant from, Instant until, boolean reachesPresent) {}
}
