package io.scoreline.app.demo;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.KpiChangeWorkers;
import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.runs.SyncStatus;
import io.scoreline.pipeline.sync.OnDemandRuns;
import io.scoreline.pipeline.sync.ProgressListener;
import io.scoreline.pipeline.sync.SyncOutcome;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The demo's set-up half: organization and integrations, a backfill of the whole simulated history
 * through the same use case as {@code scoreline backfill}, then the summary read from the database.
 */
final class DemoScenario {

    private final DemoTenant tenant;
    private final OnDemandRuns runs;
    private final KpiChangeWorkers workers;
    private final DemoContest contest;
    private final DemoGoal goal;
    private final DemoSummaryReader summaries;
    private final Clock clock;

    DemoScenario(
            DemoTenant tenant,
            OnDemandRuns runs,
            KpiChangeWorkers workers,
            DemoContest contest,
            DemoGoal goal,
            DemoSummaryReader summaries,
            Clock clock) {
        this.tenant = tenant;
        this.runs = runs;
        this.contest = contest;
        this.goal = goal;
        this.workers = workers;
        this.summaries = summaries;
        this.clock = clock;
    }

    DemoTenant.Created setUp(DemoSimulators sims) {
        return tenant.create(sims);
    }

    /** Backfills both integrations over the simulated history; a run that does not succeed stops the demo. */
    void backfill(
            DemoTenant.Created created,
            DemoSettings settings,
            Supplier<ProgressListener> progress,
            Consumer<String> say) {
        var today = LocalDate.now(clock.withZone(created.organization().timezone()));
        var from = today.minusDays(settings.days());
        for (var integration : List.of(created.salesforce(), created.hubSpot())) {
            say.accept("Backfilling " + label(integration) + " " + from + " .. " + today + " (integration "
                    + integration.id() + ")");
            var outcome = runs.backfill(integration.id(), from, today, false, progress.get());
            requireSucceeded(integration, outcome);
            say.accept("  " + outcome.recordsRead() + " records, " + outcome.factsChanged() + " facts, "
                    + outcome.apiCalls() + " API calls (run " + outcome.runId() + ")");
        }
    }

    /**
     * Evaluates the backfill's outbox at once, on this thread, with the same drain the evaluator
     * workers use, so the summary shows the badges; the backfill ran without --notify, so they
     * are awarded silently, as an operator's backfill would be.
     */
    void evaluate(Consumer<String> say) {
        var report = workers.drainUntilEmpty();
        say.accept("Evaluated " + report.processed() + " KPI changes (badges, leaderboards)"
                + (report.failed() > 0 ? "; " + report.failed() + " failed and will be retried by the workers" : ""));
    }

    /** Creates the running contests and scores them from the backfilled values. */
    DemoContest.Started startContests(DemoTenant.Created created, DemoSettings settings) {
        var today = LocalDate.now(clock.withZone(created.organization().timezone()));
        var reps = summaries.reps(created.organization(), today.minusDays(settings.days()), today);
        return contest.start(created.organization(), reps);
    }

    DemoSummary summary(
            DemoTenant.Created created,
            DemoSettings settings,
            DemoContest.Started contests,
            Map<String, URI> endpoints) {
        var today = LocalDate.now(clock.withZone(created.organization().timezone()));
        // The goal's progress is shown for the connect sprint's leader: a name the summary already shows.
        var progress = goal.set(created.organization(), summaries.leader(contests.connectSprint()));
        return summaries.read(
                created.organization(),
                created.replacedEarlier(),
                today.minusDays(settings.days()),
                today,
                contests,
                progress,
                endpoints);
    }

    static String label(Integration integration) {
        return switch (integration.provider()) {
            case SALESFORCE -> "Salesforce";
            case HUBSPOT -> "HubSpot";
        };
    }

    private static void requireSucceeded(Integration integration, SyncOutcome outcome) {
        if (outcome.status() != SyncStatus.SUCCEEDED) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE,
                    "the demo's " + label(integration) + " backfill ended "
                            + outcome.status().name().toLowerCase(Locale.ROOT) + ": "
                            + outcome.message().orElse("no message")
                            + " (see `scoreline runs --integration " + integration.id() + "`)");
        }
    }
}
