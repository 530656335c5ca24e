package io.scoreline.gamification.contests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle scheduled → live → provisional → final on the real database with a fake clock. */
class ContestLifecycleIT {

    private static final LocalDate FROM = LocalDate.parse("2026-11-02");
    private static final LocalDate TO = LocalDate.parse("2026-11-03");

    private ContestFixture fixture;

    @BeforeEach
    void organization() {
        // Sunday 1 November 2026, 12:00 in Berlin.
        fixture = new ContestFixture(
                Instant.parse("2026-11-01T11:00:00Z"), ContestSettings.defaults(), "ann", "bob", "cat");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime)
                .atZone(ContestFixture.BERLIN)
                .toInstant();
    }

    private void clockAt(String localDateTime) {
        fixture.clock.advance(Duration.between(fixture.clock.instant(), berlin(localDateTime)));
    }

    /** Stock placement badges (no organization) as the catalog ships them; only the owner may write those. */
    private void stockPlacementBadges() throws Exception {
        var owner = fixture.database.ownerEndpoint();
        try (var connection = DriverManager.getConnection(owner.jdbcUrl(), owner.user(), owner.password());
                var statement = connection.createStatement()) {
            statement.execute("insert into badges (organization_id, key, name, category, rule) values "
                    + "(null, 'contest_winner', 'Winner', 'contests', '{\"kind\":\"placement\",\"top\":1}'), "
                    + "(null, 'contest_runner_up', 'Runner-up', 'contests', '{\"kind\":\"placement\",\"top\":2}'), "
                    + "(null, 'contest_third', 'Third', 'contests', '{\"kind\":\"placement\",\"top\":3}')");
        }
    }

    @Test
    void walksThroughEveryStatusAndALateCorrectionDuringGraceChangesTheWinner() throws Exception {
        stockPlacementBadges();
        // The organization's own winner badge replaces the stock one with the same key.
        fixture.transactions.inOrganization(
                fixture.organization.id(),
                tx -> tx.execute(
                        "insert into badges (organization_id, key, name, category, rule) values (?, 'contest_winner', 'Acme champion', 'contests', '{}')",
                        fixture.organization.id()));
        var contest = fixture.create("Two-day sprint", FROM, TO, false, null, "24h");

        // Before the start: data in the window is recorded, but the board does not move yet.
        assertThat(fixture.lifecycle.tick()).isZero();
        fixture.calls("T1", "ann", 3, berlin("2026-11-02T08:00"));
        fixture.calls("T0", "bob", 9, berlin("2026-11-01T08:00"));
        fixture.drain();
        assertThat(fixture.status(contest.id())).isEqualTo(ContestStatus.SCHEDULED);
        assertThat(fixture.board(contest.id())).allMatch(line -> line.contains(" 0 -"));

        // Live at local midnight: the whole board is scored, silently.
        clockAt("2026-11-02T00:00");
        assertThat(fixture.lifecycle.tick()).isEqualTo(1);
        assertThat(fixture.status(contest.id())).isEqualTo(ContestStatus.LIVE);
        assertThat(fixture.board(contest.id())).startsWith("1 ann 3 2026-11-02T07:00:00Z");
        assertThat(fixture.notices()).isEmpty();

        clockAt("2026-11-03T09:00");
        fixture.calls("T2", "bob", 2, berlin("2026-11-03T08:00"));
        fixture.calls("T3", "bob", 2, berlin("2026-11-03T08:30"));
        fixture.drain();
        assertThat(fixture.scores(contest.id())).startsWith("1 bob 4", "2 ann 3");

        // After the last day: provisional; a late correction still counts during the grace period.
        clockAt("2026-11-04T00:30");
        assertThat(fixture.lifecycle.tick()).isEqualTo(1);
        assertThat(fixture.status(contest.id())).isEqualTo(ContestStatus.PROVISIONAL);
        fixture.delete("T3");
        fixture.drain();
        assertThat(fixture.board(contest.id()))
                .startsWith("1 ann 3 2026-11-02T07:00:00Z", "2 bob 2 2026-11-03T07:00:00Z");

        // Still inside the 24 hours: nothing moves.
        clockAt("2026-11-04T23:59");
        assertThat(fixture.lifecycle.tick()).isZero();

        clockAt("2026-11-05T00:00");
        assertThat(fixture.lifecycle.tick()).isEqualTo(1);
        assertThat(fixture.status(contest.id())).isEqualTo(ContestStatus.FINAL);
        assertThat(fixture.notices()).contains("contest_won ann").doesNotContain("contest_won bob");
        assertThat(awards()).containsExactly("ann contest_winner Acme champion", "bob contest_runner_up Runner-up");

        // Final means final: later corrections and ticks change nothing.
        var board = fixture.board(contest.id());
        fixture.calls("T4", "bob", 5, berlin("2026-11-03T10:00"));
        fixture.drain();
        assertThat(fixture.lifecycle.tick()).isZero();
        assertThat(fixture.board(contest.id())).isEqualTo(board);
        assertThat(fixture.notices().stream().filter(n -> n.startsWith("contest_won")))
                .hasSize(1);
    }

    @Test
    void aContestWhoseDatesHavePassedWalksEveryStepInOneTick() {
        var contest = fixture.create(
                "Last week", LocalDate.parse("2026-10-20"), LocalDate.parse("2026-10-25"), false, null, "0");
        fixture.calls("T1", "cat", 2, berlin("2026-10-21T10:00"));
        fixture.drain();

        assertThat(fixture.lifecycle.tick()).isEqualTo(3);

        assertThat(fixture.status(contest.id())).isEqualTo(ContestStatus.FINAL);
        assertThat(fixture.board(contest.id()).getFirst()).startsWith("1 cat 2 ");
        // No placement badges exist in this database: the winner is still told, nothing is awarded.
        assertThat(fixture.notices()).containsExactly("contest_won cat");
        assertThat(awards()).isEmpty();
    }

    @Test
    void twoTickersOnOneDatabaseMoveEachContestOnce() throws Exception {
        stockPlacementBadges();
        var contests = new ArrayList<Contest>();
        for (int i = 0; i < 4; i++) {
            contests.add(fixture.create(
                    "Past " + i,
                    LocalDate.parse("2026-10-0" + (i + 1)),
                    LocalDate.parse("2026-10-1" + i),
                    false,
                    null,
                    "1h"));
        }
        fixture.calls("T1", "ann", 2, berlin("2026-10-05T10:00"));
        fixture.calls("T2", "bob", 1, berlin("2026-10-05T10:00"));
        fixture.drain();

        var settings = ContestSettings.defaults();
        var other = new ContestLifecycle(
                fixture.transactions,
                new io.scoreline.gamification.notifications.NotificationStore(fixture.transactions, fixture.clock),
                fixture.clock,
                settings);
        // Without the lock: both walk the same contests at the same moment; the status compare-and-set
        // lets exactly one of them make each step.
        var steps = concurrently(fixture.lifecycle::tick, other::tick);
        assertThat(steps.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3 * contests.size());
        contests.forEach(c -> assertThat(fixture.status(c.id())).isEqualTo(ContestStatus.FINAL));
        assertThat(fixture.notices().stream().filter(n -> n.equals("contest_won ann")))
                .hasSize(contests.size());
        assertThat(awards()).hasSize(2 * contests.size());

        // With the tickers' lock: a round that finds the lock taken skips, and nothing is left to do.
        var a = new ContestLifecycleTicker(fixture.lifecycle, fixture.database.dataSource(), settings.tick());
        var b = new ContestLifecycleTicker(other, fixture.database.dataSource(), settings.tick());
        assertThat(concurrently(a::tickOnce, b::tickOnce)).allMatch(n -> n == 0 || n == -1);
    }

    @Test
    void theTickerMovesContestsOnItsOwnSchedule() {
        var contest =
                fixture.create("Past", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), false, null, "0");
        try (var ticker =
                new ContestLifecycleTicker(fixture.lifecycle, fixture.database.dataSource(), Duration.ofMillis(50))) {
            ticker.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.status(contest.id()) == ContestStatus.FINAL);
        }
    }

    @Test
    void theDirectoryShowsTheTickerSchedulesButNoTenantData() {
        var contest = fixture.create("Secret plan", FROM, TO, false, "100", null);
        var outside = fixture.transactions.withoutOrganization(tx -> List.of(
                tx.fetch("select * from contests").size(),
                tx.fetch("select * from contest_leaderboards").size()));
        assertThat(outside).containsExactly(0, 0);
        var directory =
                fixture.transactions.withoutOrganization(tx -> tx.fetch("select * from scoreline_contest_directory()"));
        assertThat(directory).hasSize(1);
        assertThat(directory.getFirst().get("id", Long.class)).isEqualTo(contest.id());
        assertThat(List.of(directory.fields()).stream().map(f -> f.getName()).toList())
                .containsExactly(
                        "id", "organization_id", "timezone", "status", "starts_on", "ends_on", "grace_seconds");
    }

    private static List<Integer> concurrently(Callable<Integer> first, Callable<Integer> second) throws Exception {
        var barrier = new CyclicBarrier(2);
        try (var executor = Executors.newFixedThreadPool(2)) {
            var one = executor.submit(() -> {
                barrier.await();
                return first.call();
            });
            var two = executor.submit(() -> {
                barrier.await();
                return second.call();
            });
            return List.of(one.get(), two.get());
        }
    }

    /** "person badge-key badge-name" per awarded badge. */
    private List<String> awards() {
        return fixture.transactions
                .inOrganization(
                        fixture.organization.id(),
                        tx -> tx.fetch(
                                "select p.email, b.key, b.name from profile_badges pb join profiles p on p.id = pb.profile_id "
                                        + "join badges b on b.id = pb.badge_id order by pb.id"))
                .map(r -> r.get(0, String.class).replace("@acme.test", "") + " " + r.get(1, String.class) + " "
                        + r.get(2, String.class));
    }
}
