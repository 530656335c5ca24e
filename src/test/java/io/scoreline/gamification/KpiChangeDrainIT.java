package io.scoreline.gamification;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.gamification.badges.BadgeEvaluator;
import io.scoreline.gamification.badges.BadgeStore;
import io.scoreline.gamification.badges.StockCatalog;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.testing.TestPostgres;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The outbox drain on a real database: replays, concurrent workers, failures of one person. */
class KpiChangeDrainIT {

    private static final String CATALOG = """
            badges:
              - { key: calls_day_3, name: Three, category: calling, rule: { kind: threshold, kpi: calls_made, period: day, at_least: 3 } }
              - { key: calls_week_10, name: Ten, category: calling, rule: { kind: threshold, kpi: calls_made, period: week, at_least: 10 } }
              - { key: streak_3, name: Streak, category: streaks, rule: { kind: streak, kpi: calls_made, unit: day, length: 3, at_least: 2 } }
              - { key: pb_day, name: Best, category: personal_bests, rule: { kind: personal_best, kpi: calls_made, period: day, min_history: 2 } }
            """;

    private static DatabaseRuntime database;
    private static final AtomicInteger ORGS = new AtomicInteger();

    @BeforeAll
    static void start() {
        database = TestPostgres.freshRuntime();
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    /** Eight reps, two weeks of calls with counts varying by rep and day. */
    private static EvaluatorFixture busyOrganization() {
        var org = new EvaluatorFixture(database, "drain-" + ORGS.incrementAndGet(), "Europe/Berlin", "monday", CATALOG);
        for (int rep = 1; rep <= 8; rep++) {
            var email = "rep" + rep + "@acme.test";
            org.profile(email);
            for (int day = 0; day < 14; day++) {
                int calls = (rep * 7 + day * 3) % 6;
                if (calls > 0) {
                    org.calls(
                            "R" + rep + "D" + day,
                            email,
                            LocalDate.parse("2026-11-02").plusDays(day),
                            calls);
                }
            }
        }
        return org;
    }

    @Test
    void replayingTheWholeOutboxTwiceGivesIdenticalAwardsAndNotifications() {
        var org = busyOrganization();
        var first = org.drain();
        var awards = org.awards();
        var notifications = org.notifications();
        assertThat(first.processed()).isPositive();
        assertThat(awards).hasSizeGreaterThan(10);
        assertThat(notifications).hasSize(awards.size());

        for (int replay = 0; replay < 2; replay++) {
            org.clock.advance(Duration.ofHours(1));
            org.replayOutbox();
            var again = org.drain();
            assertThat(again.processed()).isEqualTo(first.processed());
            assertThat(org.awards()).isEqualTo(awards);
            assertThat(org.notifications()).isEqualTo(notifications);
        }
    }

    @Test
    void twoWorkersOnOneDatabaseNeverDuplicateAnything() throws Exception {
        var reference = busyOrganization();
        reference.drain();
        var org = busyOrganization();
        var settings = EvaluatorSettings.defaults().withBatchSize(7);
        var go = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<DrainReport>>();
        for (int worker = 0; worker < 2; worker++) {
            // Each worker has its own drain and evaluator, as two nodes would.
            var evaluator = new BadgeEvaluator(
                    new BadgeStore(
                            org.transactions,
                            io.scoreline.gamification.badges.BadgeCatalogReader.read(CATALOG)
                                    .badges()),
                    new NotificationStore(org.transactions, org.clock),
                    settings,
                    org.clock);
            var drain = org.newDrain(List.of(evaluator), settings);
            tasks.add(() -> {
                go.await();
                return drain.drainUntilEmpty();
            });
        }
        var total = DrainReport.EMPTY;
        try (var pool = Executors.newFixedThreadPool(2)) {
            var futures = tasks.stream().map(pool::submit).toList();
            go.countDown();
            for (var future : futures) {
                total = total.plus(future.get());
            }
        }
        total = total.plus(org.drain()); // whatever was deferred while the other worker held a person

        assertThat(org.pending()).isZero();
        assertThat(total.failed()).isZero();
        assertThat(org.awards()).isEqualTo(reference.awards().stream().toList());
        assertThat(org.notifications()).hasSize(reference.notifications().size());
        assertThat(org.count("select count(*) from kpi_changes where attempts > 0"))
                .isZero();
    }

    @Test
    void aPersonsChangesSpreadOverManyClaimsAreEvaluatedInOutboxOrderByTwoWorkers() throws Exception {
        // Each rep's calls are written day after day, so a person's outbox ids grow with the day.
        var org = busyOrganization();
        var settings = EvaluatorSettings.defaults().withBatchSize(5);
        var seen = java.util.Collections.synchronizedList(new ArrayList<ProfileChanges>());
        // Records what each evaluation was given, after the person's lock was taken; a real consumer beside it.
        KpiChangeConsumer recorder = (tx, changes) -> seen.add(changes);
        var go = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<DrainReport>>();
        for (int worker = 0; worker < 2; worker++) {
            var evaluator = new BadgeEvaluator(
                    new BadgeStore(
                            org.transactions,
                            io.scoreline.gamification.badges.BadgeCatalogReader.read(CATALOG)
                                    .badges()),
                    new NotificationStore(org.transactions, org.clock),
                    settings,
                    org.clock);
            var drain = org.newDrain(List.of(recorder, evaluator), settings);
            tasks.add(() -> {
                go.await();
                return drain.drainUntilEmpty();
            });
        }
        try (var pool = Executors.newFixedThreadPool(2)) {
            var futures = tasks.stream().map(pool::submit).toList();
            go.countDown();
            for (var future : futures) {
                future.get();
            }
        }
        org.drain();

        assertThat(org.pending()).isZero();
        var byProfile = new java.util.HashMap<Long, List<ProfileChanges>>();
        synchronized (seen) {
            seen.forEach(c -> byProfile
                    .computeIfAbsent(c.profileId(), p -> new ArrayList<>())
                    .add(c));
        }
        assertThat(byProfile).hasSize(8);
        for (var evaluations : byProfile.values()) {
            assertThat(evaluations).as("a rep's changes span several claims").hasSizeGreaterThan(1);
            for (int i = 1; i < evaluations.size(); i++) {
                var before = evaluations.get(i - 1).cells().stream()
                        .map(KpiDay::date)
                        .max(LocalDate::compareTo);
                var after =
                        evaluations.get(i).cells().stream().map(KpiDay::date).min(LocalDate::compareTo);
                assertThat(before.orElseThrow()).isBeforeOrEqualTo(after.orElseThrow());
            }
        }
    }

    @Test
    void aFailingPersonIsRetriedWithBackoffWithoutBlockingTheOthers() {
        var org = new EvaluatorFixture(database, "drain-" + ORGS.incrementAndGet(), "Europe/Berlin", "monday", CATALOG);
        long broken = org.profile("broken@acme.test");
        org.profile("fine@acme.test");
        org.calls("B", "broken@acme.test", LocalDate.parse("2026-11-02"), 3);
        org.calls("F", "fine@acme.test", LocalDate.parse("2026-11-02"), 3);
        var evaluator = new BadgeEvaluator(
                new BadgeStore(
                        org.transactions,
                        io.scoreline.gamification.badges.BadgeCatalogReader.read(CATALOG)
                                .badges()),
                new NotificationStore(org.transactions, org.clock),
                EvaluatorSettings.defaults(),
                org.clock);
        var failing = new AtomicInteger(1);
        // A real consumer that fails for one person while `failing` is set, after writing (the write must roll back).
        KpiChangeConsumer flaky = (tx, changes) -> {
            evaluator.apply(tx, changes);
            if (changes.profileId() == broken && failing.get() == 1) {
                throw new IllegalStateException("boom for " + changes.profileId());
            }
        };
        var drain = org.newDrain(List.of(flaky), EvaluatorSettings.defaults());

        var first = drain.drainUntilEmpty();
        // One outbox row each: three calls on one day are one cell.
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.processed()).isEqualTo(1);
        assertThat(org.awards()).containsExactly("fine@acme.test calls_day_3 day:2026-11-02 awarded");
        assertThat(org.column(
                        "select distinct attempts || ' ' || last_error from kpi_changes where processed_at is null"))
                .containsExactly("1 boom for " + broken);

        // Not due yet: nothing is claimed; after the backoff it goes through.
        assertThat(drain.drainUntilEmpty().claimed()).isZero();
        failing.set(0);
        org.clock.advance(Duration.ofMinutes(2));
        assertThat(drain.drainUntilEmpty().processed()).isEqualTo(1);
        assertThat(org.awards())
                .containsExactly(
                        "broken@acme.test calls_day_3 day:2026-11-02 awarded",
                        "fine@acme.test calls_day_3 day:2026-11-02 awarded");
        assertThat(org.pending()).isZero();
    }

    @Test
    void theStockCatalogEvaluatesAgainstRealChanges() {
        var org = new EvaluatorFixture(
                database, "drain-" + ORGS.incrementAndGet(), "Europe/Berlin", "monday", "badges: []\n");
        org.profile("stock@acme.test");
        org.calls("S", "stock@acme.test", LocalDate.parse("2026-11-02"), 26);
        var evaluator = new BadgeEvaluator(
                new BadgeStore(org.transactions, StockCatalog.badges()),
                new NotificationStore(org.transactions, org.clock),
                EvaluatorSettings.defaults(),
                org.clock);
        org.newDrain(List.of(evaluator), EvaluatorSettings.defaults()).drainUntilEmpty();

        // 26 calls: over 25 a day (not 50), the first call; no history for bests, one day is no streak.
        assertThat(org.awards())
                .containsExactly(
                        "stock@acme.test dialer_day_25 day:2026-11-02 awarded",
                        "stock@acme.test first_call all awarded");
    }
}
