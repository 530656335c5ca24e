package io.scoreline.app.bench;

import io.micronaut.context.ApplicationContext;
import io.scoreline.app.config.CliOverrides;
import io.scoreline.app.config.ScorelineConfig;
import io.scoreline.app.wiring.ScorelineApplication;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.DrainReport;
import io.scoreline.gamification.KpiChangeDrain;
import io.scoreline.gamification.contests.ContestLifecycle;
import io.scoreline.gamification.contests.ContestStore;
import io.scoreline.gamification.contests.NewContest;
import io.scoreline.gamification.notifications.NotificationKind;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.rules.RuleSetStore;
import io.scoreline.pipeline.tenancy.NewOrganization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import org.jooq.impl.DSL;

/**
 * {@code bench evaluator}: seeds a scratch embedded database with daily KPI values, facts and one
 * outbox row per cell (reps × the ten stock KPIs × days), then times the drain through the stock
 * badge catalog, first with nothing awarded yet and then replaying the same outbox (everything is
 * already awarded: the cost of idempotency). With {@code scorecard}, a live contest ranks everyone
 * by a scorecard over three of the KPIs (ADR 0042), so every change to one of them also re-scores
 * the person's row from the measure reader: the cost of a scorecard beside the plain figures. With
 * {@code goals}, monthly goals on three of the KPIs ({@link BenchGoals}) make every change run the
 * goal alerts and a {@code goal_reached} badge: the cost of goals. Both can be combined.
 */
public final class EvaluatorBenchmark {

    private static final String[] KPIS = {
        "calls_made",
        "call_connects",
        "talk_time_minutes",
        "emails_sent",
        "meetings_booked",
        "meetings_held",
        "tasks_completed",
        "sourced_opps",
        "deals_won",
        "revenue_won"
    };
    private static final int REPS = 20;

    /** The scorecard contest's KPI, declared in the bench integration's rule document. */
    static final String SCORECARD_KPI = "activity_points";

    private static final String SCORECARD_RULES = """

            derived:
              %s:
                scorecard:
                  calls_made:      { points: 1, cap_per_day: 40 }
                  meetings_booked: { points: 10 }
                  revenue_won:     { points: 0.001 }
            """.formatted(SCORECARD_KPI);

    private final Clock clock;

    public EvaluatorBenchmark(Clock clock) {
        this.clock = clock;
    }

    public Map<String, Object> run(int changes, int workers, Path scratchHome) {
        return run(changes, workers, false, false, scratchHome);
    }

    /**
     * @param scorecard whether a live scorecard contest ranks every rep while the outbox drains
     * @param goals whether monthly goals and a goal badge are judged on every change
     * @throws ScorelineException failed when goals were asked for and the goal alerts wrote nothing:
     *     the changes missed the goals' periods, so the figures would not include the cost of goals
     */
    public Map<String, Object> run(int changes, int workers, boolean scorecard, boolean goals, Path scratchHome) {
        var env = new HashMap<String, String>();
        env.put(ScorelineConfig.HOME, scratchHome.toString());
        env.put(ScorelineConfig.MASTER_KEY, "benchmark-master-key-not-secret");
        env.put(ScorelineConfig.EVALUATOR_WORKERS, "0");
        try (ApplicationContext context =
                ScorelineApplication.start(ScorelineConfig.resolve(env, CliOverrides.none()))) {
            int days = Math.max(1, (int) Math.ceil(changes / (double) (REPS * KPIS.length)));
            var lastDay = LocalDate.now(clock).minusDays(1);
            var firstDay = lastDay.minusDays(days - 1L);
            long organizationId = seed(context, firstDay, lastDay);
            if (scorecard) {
                startScorecardContest(context, organizationId, days);
            }
            int goalCount = goals ? BenchGoals.set(context, organizationId, firstDay, days) : 0;
            double loadBefore = loadAverage();
            var transactions = context.getBean(TenantTransactions.class);
            int cells = transactions.inOrganization(organizationId, tx -> tx.fetchCount(tx.selectFrom("kpi_changes")));
            var drain = context.getBean(KpiChangeDrain.class);
            var first = timed(drain, workers);
            int awards =
                    transactions.inOrganization(organizationId, tx -> tx.fetchCount(tx.selectFrom("profile_badges")));
            int notifications =
                    transactions.inOrganization(organizationId, tx -> tx.fetchCount(tx.selectFrom("notifications")));
            int goalNotifications = transactions.inOrganization(
                    organizationId,
                    tx -> tx.fetchCount(
                            DSL.table("notifications"),
                            DSL.field("kind")
                                    .in(NotificationKind.GOAL_REACHED.key(), NotificationKind.GOAL_BEHIND_PACE.key())));
            int goalBadgeAwards = transactions.inOrganization(
                    organizationId,
                    tx -> tx.fetchSingle(
                                    "select count(*) from profile_badges a join badges b on b.id = a.badge_id where b.key = ?",
                                    BenchGoals.BADGE)
                            .get(0, Integer.class));
            if (goals && goalNotifications == 0) {
                throw new ScorelineException(
                        FailureKind.BUG,
                        "the goal alerts wrote no notification: the changes missed the goals' periods, so these"
                                + " figures would not include the cost of goals");
            }
            transactions.inOrganization(organizationId, tx -> tx.execute("update kpi_changes set processed_at = null"));
            var replay = timed(drain, workers);
            var report = new LinkedHashMap<String, Object>();
            report.put("changes", cells);
            report.put("reps", REPS);
            report.put("kpis", KPIS.length);
            report.put("days", days);
            report.put("workers", workers);
            report.put("scorecard_contest", scorecard);
            report.put("goals", goalCount);
            report.put("awards", awards);
            report.put("goal_badge_awards", goalBadgeAwards);
            report.put("notifications", notifications);
            report.put("goal_notifications", goalNotifications);
            report.put("first_pass_processed", first.report().processed());
            report.put("first_pass_seconds", round(first.seconds()));
            report.put("first_pass_changes_per_second", round(first.report().processed() / first.seconds()));
            report.put("replay_processed", replay.report().processed());
            report.put("replay_seconds", round(replay.seconds()));
            report.put("replay_changes_per_second", round(replay.report().processed() / replay.seconds()));
            report.put(
                    "deferred_by_profile_lock",
                    first.report().deferred() + replay.report().deferred());
            // The machine is shared: a figure means little without the load it was taken at.
            report.put("load_average_before", round(loadBefore));
            report.put("load_average_after", round(loadAverage()));
            return report;
        }
    }

    private record Timed(DrainReport report, double seconds) {}

    private Timed timed(KpiChangeDrain drain, int workers) {
        long started = clock.millis();
        var total = DrainReport.EMPTY;
        try (var pool = Executors.newFixedThreadPool(workers)) {
            var tasks = new ArrayList<Callable<DrainReport>>();
            for (int i = 0; i < workers; i++) {
                tasks.add(drain::drainUntilEmpty);
            }
            for (var future : pool.invokeAll(tasks)) {
                total = total.plus(future.get());
            }
            // Rows a worker deferred (another held the person) may be left when it stopped: finish them.
            total = total.plus(drain.drainUntilEmpty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return new Timed(total, Math.max(0.001, (clock.millis() - started) / 1000.0));
    }

    private long seed(ApplicationContext context, LocalDate firstDay, LocalDate lastDay) {
        var organizations = context.getBean(OrganizationStore.class);
        var organization = organizations
                .findBySlug("bench-evaluator")
                .orElseGet(() -> organizations.create(
                        NewOrganization.of("bench-evaluator", "Evaluator benchmark", "America/New_York", "monday")));
        var kpiArray = "array['" + String.join("','", KPIS) + "']";
        context.getBean(TenantTransactions.class).inOrganization(organization.id(), tx -> {
            tx.execute("delete from kpi_changes");
            tx.execute("delete from notifications");
            tx.execute("delete from profile_badges");
            tx.execute("delete from goals");
            tx.execute("delete from kpi_facts");
            tx.execute("delete from kpi_values");
            tx.execute("delete from integrations");
            tx.execute("delete from profiles");
            long integration = tx.fetchSingle(
                            "insert into integrations (organization_id, provider, credentials) values (?, 'salesforce', 'x') "
                                    + "returning id",
                            organization.id())
                    .get(0, Long.class);
            tx.execute(
                    "insert into profiles (organization_id, email) select ?, 'rep' || n || '@bench.test' from generate_series(1, ?) n",
                    organization.id(),
                    REPS);
            // Values vary by rep, KPI and day (deterministic), so thresholds, streaks and bests are crossed at various
            // points.
            tx.execute("""
                    insert into kpi_facts (organization_id, integration_id, object_type, record_id, kpi_key, profile_id, local_date, value)
                    select ?, ?, 'Task', 'R' || p.id || '-' || k || '-' || d::date, k, p.id, d::date,
                           (abs(hashtext(p.id || k || d::date)) % 60) + 1
                      from profiles p, unnest(""" + kpiArray + """
                    ) k, generate_series(?::date, ?::date, interval '1 day') d""", organization.id(), integration, firstDay, lastDay);
            tx.execute("""
                    insert into kpi_values (organization_id, profile_id, kpi_key, period_date, value, fact_count)
                    select organization_id, profile_id, kpi_key, local_date, value, 1 from kpi_facts""");
            tx.execute("""
                    insert into kpi_changes (organization_id, profile_id, kpi_key, period_date, origin, notify)
                    select organization_id, profile_id, kpi_key, period_date, 'live', true from kpi_values
                     order by period_date, profile_id, kpi_key""");
            return null;
        });
        return organization.id();
    }

    /**
     * Stores the stock Salesforce rules plus a scorecard as the bench integration's rule set (the
     * KPI catalog reads derived KPIs from the active documents), creates a contest on it over the
     * seeded days for every rep, and moves it live: the lifecycle scores the whole board once,
     * untimed, as the ticker would at the contest's start.
     */
    private void startScorecardContest(ApplicationContext context, long organizationId, int days) {
        var organization = context.getBean(OrganizationStore.class).require(organizationId);
        long integrationId = context.getBean(TenantTransactions.class)
                .inOrganization(
                        organizationId,
                        tx -> tx.fetchSingle("select id from integrations").get(0, Long.class));
        context.getBean(RuleSetStore.class)
                .saveNewVersion(organizationId, integrationId, stockSalesforceRules() + SCORECARD_RULES, "bench");
        var today = LocalDate.now(clock.withZone(organization.timezone()));
        context.getBean(ContestStore.class)
                .create(
                        organization,
                        new NewContest(
                                "Bench scorecard",
                                SCORECARD_KPI,
                                today.minusDays(days),
                                today.plusDays(1),
                                false,
                                Optional.empty(),
                                NewContest.DEFAULT_GRACE,
                                List.of()));
        context.getBean(ContestLifecycle.class).tick();
    }

    private static String stockSalesforceRules() {
        try (var in = EvaluatorBenchmark.class.getClassLoader().getResourceAsStream("mappings/salesforce.yaml")) {
            if (in == null) {
                throw new ScorelineException(FailureKind.BUG, "stock rules mappings/salesforce.yaml are missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScorelineException(FailureKind.BUG, "cannot read stock rules mappings/salesforce.yaml", e);
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
