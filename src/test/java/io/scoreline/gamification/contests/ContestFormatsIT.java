package io.scoreline.gamification.contests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.notifications.NotificationStore;
import io.scoreline.pipeline.audit.Actor;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Golden scenarios of the contest formats of ADR 0045 on the real database with a fake clock. */
class ContestFormatsIT {

    private static final LocalDate FROM = LocalDate.parse("2026-11-02");
    private static final LocalDate TO = LocalDate.parse("2026-11-03");

    private ContestFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void start(String localDateTime, String... people) {
        fixture = new ContestFixture(berlin(localDateTime), ContestSettings.defaults(), people);
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ContestFixture.BERLIN).toInstant();
    }

    private void clockAt(String localDateTime) {
        fixture.clock.advance(Duration.between(fixture.clock.instant(), berlin(localDateTime)));
    }

    private ContestSummary create(
            String name,
            LocalDate from,
            LocalDate to,
            String target,
            String participants,
            String format,
            String pairs,
            String every,
            boolean hidden) {
        return fixture.store.create(
                fixture.organization,
                NewContest.of(
                        name,
                        "calls_made",
                        from.toString(),
                        to == null ? null : to.toString(),
                        false,
                        target,
                        "24h",
                        participants,
                        format,
                        pairs,
                        every,
                        hidden));
    }

    @Test
    void aRaceIsWonByTheFirstToReachTheTargetAndACorrectionDuringGraceHandsItToTheNext() {
        start("2026-11-01T12:00", "ann", "bob", "cat");
        var race = create("First to 5", FROM, TO, "5", null, "race", null, null, false)
                .contest();
        assertThat(race.format()).isEqualTo(ContestFormat.RACE);
        clockAt("2026-11-02T00:00");
        fixture.lifecycle.tick();

        clockAt("2026-11-02T12:00");
        fixture.calls("A1", "ann", 3, berlin("2026-11-02T08:00"));
        fixture.calls("A2", "ann", 3, berlin("2026-11-02T10:00"));
        fixture.calls("B1", "bob", 5, berlin("2026-11-02T09:00"));
        fixture.calls("C1", "cat", 2, berlin("2026-11-02T07:00"));
        fixture.drain();
        clockAt("2026-11-03T12:00");
        // Ann keeps working after crossing the line: she stays behind Bob, who crossed it first.
        fixture.calls("A3", "ann", 4, berlin("2026-11-03T09:00"));
        fixture.drain();
        assertThat(fixture.board(race.id()))
                .containsExactly(
                        "1 bob 5 2026-11-02T08:00:00Z",
                        "2 ann 10 2026-11-02T09:00:00Z",
                        "3 cat 2 2026-11-02T06:00:00Z");
        assertThat(fixture.notices()).contains("target_reached ann", "target_reached bob");

        // The race runs to the end of its window; during grace a correction takes Bob back under the
        // target: the race goes to the next who reached it, Ann, at the moment she reached it.
        clockAt("2026-11-04T00:30");
        fixture.lifecycle.tick();
        assertThat(fixture.status(race.id())).isEqualTo(ContestStatus.PROVISIONAL);
        fixture.calls("B1", "bob", 4, berlin("2026-11-02T09:00"));
        fixture.drain();
        assertThat(fixture.board(race.id()))
                .containsExactly(
                        "1 ann 10 2026-11-02T09:00:00Z",
                        "2 bob 4 2026-11-02T08:00:00Z",
                        "3 cat 2 2026-11-02T06:00:00Z");

        clockAt("2026-11-05T00:00");
        fixture.lifecycle.tick();
        assertThat(fixture.status(race.id())).isEqualTo(ContestStatus.FINAL);
        assertThat(fixture.notices().stream().filter(n -> n.startsWith("contest_won")))
                .containsExactly("contest_won ann");
    }

    @Test
    void aRaceNobodyFinishesHasNoWinner() {
        start("2026-11-01T12:00", "ann", "bob");
        var race = create("First to 50", FROM, TO, "50", null, "race", null, null, false)
                .contest();
        fixture.calls("A1", "ann", 3, berlin("2026-11-02T08:00"));
        fixture.drain();
        clockAt("2026-11-05T00:00");
        fixture.lifecycle.tick();
        assertThat(fixture.status(race.id())).isEqualTo(ContestStatus.FINAL);
        assertThat(fixture.board(race.id()).getFirst()).startsWith("1 ann 3 ");
        assertThat(fixture.notices()).isEmpty();
    }

    @Test
    void headToHeadDecidesEachPairApartTiesByTimeAndTellsBothSides() {
        start("2026-11-01T12:00", "ann", "bob", "cat", "dan");
        var duel = create(
                        "Duels",
                        FROM,
                        TO,
                        null,
                        null,
                        "head_to_head",
                        "ann@acme.test:bob@acme.test,cat@acme.test:dan@acme.test",
                        null,
                        false)
                .contest();
        clockAt("2026-11-02T00:00");
        fixture.lifecycle.tick();
        clockAt("2026-11-02T12:00");
        fixture.calls("A1", "ann", 3, berlin("2026-11-02T08:00"));
        fixture.calls("B1", "bob", 5, berlin("2026-11-02T09:00"));
        fixture.calls("C1", "cat", 2, berlin("2026-11-02T08:00"));
        fixture.calls("D1", "dan", 2, berlin("2026-11-02T09:00"));
        fixture.drain();
        assertThat(pairs(duel.id())).containsExactly("1 ann bob bob", "2 cat dan cat");

        // A correction during grace turns the first pair around.
        clockAt("2026-11-04T00:30");
        fixture.lifecycle.tick();
        fixture.calls("B1", "bob", 1, berlin("2026-11-02T09:00"));
        fixture.drain();
        assertThat(pairs(duel.id())).containsExactly("1 ann bob ann", "2 cat dan cat");

        clockAt("2026-11-05T00:00");
        fixture.lifecycle.tick();
        assertThat(fixture.status(duel.id())).isEqualTo(ContestStatus.FINAL);
        assertThat(pairResults())
                .containsExactlyInAnyOrder(
                        "ann won against bob@acme.test",
                        "bob lost against ann@acme.test",
                        "cat won against dan@acme.test",
                        "dan lost against cat@acme.test");
        assertThat(fixture.notices()).noneMatch(n -> n.startsWith("contest_won"));
    }

    @Test
    void automaticPairingSeedsByThePreviousWindowAndTheLastOfAnOddNumberSitsOut() {
        start("2026-11-01T12:00", "ann", "bob", "cat", "dan", "eve");
        // The two days before the window: bob 9, cat 5, dan 3, ann 1, eve nothing.
        fixture.calls("P1", "ann", 1, berlin("2026-10-31T10:00"));
        fixture.calls("P2", "bob", 9, berlin("2026-10-31T10:00"));
        fixture.calls("P3", "cat", 5, berlin("2026-11-01T10:00"));
        fixture.calls("P4", "dan", 3, berlin("2026-10-31T10:00"));
        fixture.calls("P5", "eve", 20, berlin("2026-10-29T10:00")); // before the seeding window
        var duel = create("Duels", FROM, TO, null, null, "head_to_head", null, null, false);
        assertThat(duel.entries()).isEqualTo(4);
        assertThat(pairs(duel.contest().id())).containsExactly("1 bob cat draw", "2 ann dan draw");
    }

    @Test
    void badHeadToHeadPairsAreRefusedWithWhatIsWrong() {
        start("2026-11-01T12:00", "ann", "bob");
        assertThatThrownBy(() -> create(
                        "Duels", FROM, TO, null, null, "head_to_head", "ann@acme.test:zed@acme.test", null, false))
                .isInstanceOf(ScorelineException.class)
                .hasMessage("no profile in acme for zed@acme.test");
        assertThatThrownBy(() -> create(
                        "Duels",
                        FROM,
                        TO,
                        null,
                        null,
                        "head_to_head",
                        "ann@acme.test:bob@acme.test,bob@acme.test:cat@acme.test",
                        null,
                        false))
                .hasMessage("--pairs puts bob@acme.test in two pairs; each person is in one");
        assertThatThrownBy(() -> create("Race", FROM, TO, null, null, "race", null, null, false))
                .hasMessage("--format race needs --target N: the score the first to reach wins the race");
    }

    @Test
    void aHiddenContestIsComputedButNotifiesNobodyAndBecomingVisibleReplaysNothing() throws Exception {
        start("2026-11-01T12:00", "ann", "bob");
        var hidden =
                create("Trial", FROM, TO, "3", null, null, null, null, true).contest();
        var revealed =
                create("Trial 2", FROM, TO, "3", null, null, null, null, true).contest();
        clockAt("2026-11-02T00:00");
        fixture.lifecycle.tick();
        clockAt("2026-11-02T12:00");
        fixture.calls("A1", "ann", 4, berlin("2026-11-02T08:00"));
        fixture.drain();
        assertThat(fixture.scores(hidden.id())).containsExactly("1 ann 4", "2 bob 0");
        assertThat(fixture.notices()).isEmpty();

        // Visible from now on: Ann's lead and target, reached while hidden, are not announced; Bob's are.
        var setup = new ContestSetup(
                new io.scoreline.pipeline.tenancy.OrganizationStore(fixture.transactions),
                fixture.store,
                fixture.clock);
        assertThat(setup.reveal(revealed.id(), Actor.OPERATOR).contest().hidden())
                .isFalse();
        fixture.calls("B1", "bob", 5, berlin("2026-11-02T11:00"));
        fixture.drain();
        assertThat(fixture.noticeKeys())
                .allMatch(k -> k.startsWith("contest:" + revealed.id() + ":"))
                .anyMatch(k -> k.contains(":took_lead:" + fixture.people.get("bob")))
                .anyMatch(k -> k.contains(":target_reached:" + fixture.people.get("bob")))
                .noneMatch(k -> k.matches(
                        ".*:(took_lead|entered_top3|target_reached):" + fixture.people.get("ann") + "(:.*)?"));

        clockAt("2026-11-05T00:00");
        fixture.lifecycle.tick();
        assertThat(fixture.scores(hidden.id())).containsExactly("1 bob 5", "2 ann 4");
        assertThat(fixture.noticeKeys()).noneMatch(k -> k.startsWith("contest:" + hidden.id() + ":"));
        assertThat(fixture.notices()).contains("contest_won bob");
    }

    @Test
    void aWeeklySeriesCreatesOneContestPerPeriodAcrossTheDstChangeEvenWithTwoTickers() throws Exception {
        // Monday 19 October 2026; summer time ends on Sunday 25 October in Berlin.
        start("2026-10-19T09:00", "ann", "bob");
        var first = create("Weekly calls", LocalDate.parse("2026-10-19"), null, null, null, null, null, "week", false);
        assertThat(first.every()).contains(Recurrence.WEEK);
        long series = first.contest().seriesId().orElseThrow();
        assertThat(periods(series)).containsExactly("2026-10-19/2026-10-25 scheduled");

        var other = new ContestLifecycle(
                fixture.transactions,
                new NotificationStore(fixture.transactions, fixture.clock),
                fixture.clock,
                ContestSettings.defaults());
        concurrently(fixture.lifecycle::tick, other::tick);
        assertThat(periods(series)).containsExactly("2026-10-19/2026-10-25 live", "2026-10-26/2026-11-01 scheduled");

        // Local midnight after the clocks went back: the next week goes live, the one after is created.
        clockAt("2026-10-26T00:00");
        concurrently(fixture.lifecycle::tick, other::tick);
        assertThat(periods(series))
                .containsExactly(
                        "2026-10-19/2026-10-25 provisional",
                        "2026-10-26/2026-11-01 live",
                        "2026-11-02/2026-11-08 scheduled");
        fixture.lifecycle.tick();
        assertThat(periods(series)).hasSize(3);

        // Cancelling the series stops it: its open contests are cancelled, no period follows.
        var setup = new ContestSetup(
                new io.scoreline.pipeline.tenancy.OrganizationStore(fixture.transactions),
                fixture.store,
                fixture.clock);
        setup.cancelSeries(first.contest().id(), Actor.OPERATOR);
        clockAt("2026-11-09T12:00");
        fixture.lifecycle.tick();
        assertThat(periods(series))
                .containsExactly(
                        "2026-10-19/2026-10-25 cancelled",
                        "2026-10-26/2026-11-01 cancelled",
                        "2026-11-02/2026-11-08 cancelled");
        assertThat(fixture.store.list(fixture.organization.id()))
                .allMatch(s -> s.every().equals(java.util.Optional.of(Recurrence.WEEK)));
        assertThatThrownBy(() -> setup.cancelSeries(
                        create("One-off", FROM, TO, null, null, null, null, null, false)
                                .contest()
                                .id(),
                        Actor.OPERATOR))
                .hasMessageContaining("is not part of a series");
    }

    @Test
    void aMonthlySeriesFollowsCalendarMonths() {
        start("2026-10-01T09:00", "ann");
        var first = create("Monthly", LocalDate.parse("2026-10-01"), null, "10", null, "race", null, "month", false);
        assertThat(first.contest().endsOn()).isEqualTo(LocalDate.parse("2026-10-31"));
        long series = first.contest().seriesId().orElseThrow();
        clockAt("2026-10-31T23:59");
        fixture.lifecycle.tick();
        clockAt("2026-11-01T00:00");
        fixture.lifecycle.tick();
        assertThat(periods(series))
                .containsExactly(
                        "2026-10-01/2026-10-31 provisional",
                        "2026-11-01/2026-11-30 live",
                        "2026-12-01/2026-12-31 scheduled");
    }

    /** "from/to status" of the series' contests, oldest first. */
    private List<String> periods(long series) {
        return fixture.transactions
                .inOrganization(
                        fixture.organization.id(),
                        tx -> tx.fetch(
                                "select starts_on, ends_on, status from contests where series_id = ? order by starts_on",
                                series))
                .map(r -> r.get(0) + "/" + r.get(1) + " " + r.get(2));
    }

    /** "pair first second leader" with names without the domain. */
    private List<String> pairs(long contestId) {
        return fixture.store.leaderboard(contestId).pairs().stream()
                .map(p -> p.pair() + " " + bare(p.first()) + " " + bare(p.second()) + " "
                        + p.leader().map(ContestFormatsIT::bare).orElse("draw"))
                .toList();
    }

    private static String bare(String email) {
        return email.replace("@acme.test", "");
    }

    private List<String> pairResults() {
        return fixture.transactions
                .inOrganization(
                        fixture.organization.id(),
                        tx -> tx.fetch(
                                "select p.email, n.payload->>'result', n.payload->>'opponent' from notifications n "
                                        + "join profiles p on p.id = n.profile_id where n.kind = 'pair_result'"))
                .map(r -> bare(r.get(0, String.class)) + " " + r.get(1) + " against " + r.get(2));
    }

    @SafeVarargs
    private static <T> List<T> concurrently(Callable<T>... tasks) throws Exception {
        var barrier = new CyclicBarrier(tasks.length);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<java.util.concurrent.Future<T>>();
            for (var task : tasks) {
                futures.add(executor.submit(() -> {
                    barrier.await();
                    return task.call();
                }));
            }
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
