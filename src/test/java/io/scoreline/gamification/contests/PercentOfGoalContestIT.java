package io.scoreline.gamification.contests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.gamification.goals.WorkingDays;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.goals.GoalStore;
import io.scoreline.pipeline.goals.GoalSubjectRef;
import io.scoreline.pipeline.goals.NewGoal;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Golden scenarios of contests ranked by percent of goal (ADR 0046) on the real database with a fake clock. */
class PercentOfGoalContestIT {

    /** Week 45 of 2026 in Berlin, weeks from Monday. */
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-02");

    private static final LocalDate SUNDAY = LocalDate.parse("2026-11-08");

    private ContestFixture fixture;
    private Goals goals;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** Sunday 1 November 2026, noon in Berlin: the day before the contest week. */
    private void start(String... people) {
        fixture = new ContestFixture(berlin("2026-11-01T12:00"), ContestSettings.defaults(), people);
        goals = new Goals(
                new OrganizationStore(fixture.transactions),
                new GoalStore(fixture.transactions),
                fixture.transactions,
                new WorkingDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
                fixture.clock,
                new ContestGoalChanges(fixture.transactions, fixture.clock, new KpiMeasureCache()));
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ContestFixture.BERLIN).toInstant();
    }

    private void goLiveOnMonday() {
        fixture.clock.advance(Duration.between(fixture.clock.instant(), berlin("2026-11-02T09:00")));
        fixture.lifecycle.tick();
    }

    /** A weekly calls_made goal from week 45 on (set on Sunday for the week ahead, or during it). */
    private void weeklyGoal(GoalSubjectRef subject, int target) {
        goals.set(
                "acme",
                new NewGoal(
                        "calls_made", GoalPeriodUnit.WEEK, subject, BigDecimal.valueOf(target), Optional.of(MONDAY)));
    }

    private static GoalSubjectRef person(String name) {
        return new GoalSubjectRef.Person(name + "@acme.test");
    }

    private ContestSummary create(LocalDate from, LocalDate to, boolean teams, String every, boolean hidden) {
        return fixture.store.create(
                fixture.organization,
                NewContest.of(
                        "Even terms",
                        "calls_made",
                        from.toString(),
                        to == null ? null : to.toString(),
                        teams,
                        null,
                        "24h",
                        null,
                        null,
                        null,
                        every,
                        hidden,
                        "percent_of_goal"));
    }

    @Test
    void aNewRepWithASmallGoalBeatsASeniorRepWithALargeOneAndWhoeverHasNoGoalRanksLastWithTheReason() {
        start("ann", "bob", "cat");
        weeklyGoal(person("ann"), 12); // new rep
        weeklyGoal(person("bob"), 100); // senior rep
        var contest = create(MONDAY, SUNDAY, false, null, false).contest();
        assertThat(contest.rankBy()).isEqualTo(RankBy.PERCENT_OF_GOAL);
        assertThat(contest.goalPeriod().orElseThrow().key()).isEqualTo("week:2026-W45");

        goLiveOnMonday();
        fixture.calls("A1", "ann", 8, berlin("2026-11-02T10:00"));
        fixture.calls("B1", "bob", 60, berlin("2026-11-02T11:00"));
        fixture.calls("C1", "cat", 70, berlin("2026-11-02T12:00"));
        fixture.drain();

        // 8 of 12 is 66.666667 % (six decimals, half-even), 60 of 100 is 60 %; Cat called most but has
        // no goal this week: no score, ranked last, and the board says why.
        assertThat(fixture.scores(contest.id())).containsExactly("1 ann 66.666667", "2 bob 60", "3 cat —");
        var cat = fixture.store.leaderboard(contest.id()).entries().getLast();
        assertThat(cat.undefinedReason()).contains("no calls_made goal for week:2026-W45");

        // Ann's next call brings her to 75 %; Bob's thirty more calls to 90 %.
        fixture.calls("A2", "ann", 1, berlin("2026-11-03T10:00"));
        fixture.calls("B2", "bob", 30, berlin("2026-11-03T11:00"));
        fixture.drain();
        assertThat(fixture.scores(contest.id())).containsExactly("1 bob 90", "2 ann 75", "3 cat —");
    }

    @Test
    void aGoalSetChangedOrRemovedDuringTheContestReranksTheBoardWithoutAnyKpiChange() {
        start("ann", "bob", "cat");
        weeklyGoal(person("ann"), 10);
        weeklyGoal(person("bob"), 100);
        var contest = create(MONDAY, SUNDAY, false, null, false).contest();
        goLiveOnMonday();
        fixture.calls("A1", "ann", 8, berlin("2026-11-02T10:00"));
        fixture.calls("B1", "bob", 60, berlin("2026-11-02T11:00"));
        fixture.calls("C1", "cat", 20, berlin("2026-11-02T12:00"));
        fixture.drain();
        assertThat(fixture.scores(contest.id())).containsExactly("1 ann 80", "2 bob 60", "3 cat —");

        // The manager halves Bob's goal for this week: 60 of 50.
        weeklyGoal(person("bob"), 50);
        assertThat(fixture.scores(contest.id())).containsExactly("1 bob 120", "2 ann 80", "3 cat —");

        // Cat gets a goal from her role's default (every rep without one of their own): 20 of 40.
        goals.set(
                "acme",
                new NewGoal(
                        "calls_made",
                        GoalPeriodUnit.WEEK,
                        new GoalSubjectRef.RoleDefault(io.scoreline.pipeline.people.Role.REP),
                        BigDecimal.valueOf(40),
                        Optional.empty()));
        assertThat(fixture.scores(contest.id())).containsExactly("1 bob 120", "2 ann 80", "3 cat 50");

        // Removing Bob's own goal leaves him with the role default: 60 of 40.
        long bobsGoal = goals.list("acme").goals().stream()
                .filter(g -> g.subjectName().equals("bob@acme.test"))
                .findFirst()
                .orElseThrow()
                .goal()
                .id();
        goals.remove("acme", bobsGoal);
        assertThat(fixture.scores(contest.id())).containsExactly("1 bob 150", "2 ann 80", "3 cat 50");
        // The re-scores were silent: a manager's edit is not something a rep did.
        assertThat(fixture.notices()).doesNotContain("took_lead bob", "took_lead cat");
    }

    @Test
    void aTeamIsMeasuredAgainstItsOwnGoalElseTheSumOfItsMembersGoals() {
        start("ann", "bob", "cat", "dan", "eve");
        fixture.team("East", "ann", "bob");
        fixture.team("West", "cat", "dan");
        fixture.team("Solo", "eve");
        weeklyGoal(new GoalSubjectRef.Team("East"), 50);
        weeklyGoal(person("ann"), 5); // East has a goal of its own: its members' goals do not count
        weeklyGoal(person("cat"), 10);
        weeklyGoal(person("dan"), 30);
        var contest = create(MONDAY, SUNDAY, true, null, false).contest();
        goLiveOnMonday();
        fixture.calls("A1", "ann", 20, berlin("2026-11-02T10:00"));
        fixture.calls("B1", "bob", 10, berlin("2026-11-02T10:30"));
        fixture.calls("C1", "cat", 5, berlin("2026-11-02T11:00"));
        fixture.calls("D1", "dan", 25, berlin("2026-11-02T11:30"));
        fixture.calls("E1", "eve", 99, berlin("2026-11-02T12:00"));
        fixture.drain();

        // East: 30 of its 50; West: 30 of 10 + 30; Solo has no goal at all.
        assertThat(fixture.scores(contest.id())).containsExactly("1 West 75", "2 East 60", "3 Solo —");
    }

    @Test
    void theGoalPeriodIsTheSmallestOneHoldingTheWindowAndAWindowAcrossTwoIsRefused() {
        start("ann");
        assertThat(create(MONDAY, LocalDate.parse("2026-11-04"), false, null, false)
                        .contest()
                        .goalPeriod()
                        .orElseThrow()
                        .key())
                .isEqualTo("week:2026-W45");
        assertThat(create(MONDAY, LocalDate.parse("2026-11-10"), false, null, false)
                        .contest()
                        .goalPeriod()
                        .orElseThrow()
                        .key())
                .isEqualTo("month:2026-11");
        assertThat(create(LocalDate.parse("2026-11-28"), LocalDate.parse("2026-12-03"), false, null, false)
                        .contest()
                        .goalPeriod()
                        .orElseThrow()
                        .key())
                .isEqualTo("quarter:2026-Q4");
        // Wednesday to Tuesday across the end of September: two weeks, two months, two quarters.
        assertThatThrownBy(
                        () -> create(LocalDate.parse("2026-09-30"), LocalDate.parse("2026-10-06"), false, null, false))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("needs the window inside one goal period")
                .hasMessageContaining("2026-09-30 to 2026-10-06 spans week:2026-W40 and week:2026-W41");
        // A race's finish line is the same for everyone.
        assertThatThrownBy(() -> NewContest.of(
                        "Race",
                        "calls_made",
                        MONDAY.toString(),
                        SUNDAY.toString(),
                        false,
                        "100",
                        null,
                        null,
                        "race",
                        null,
                        null,
                        false,
                        "percent_of_goal"))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("--format race is ranked by value");
        // A weekly series must start on the week's first day, or later periods could not be ranked.
        assertThatThrownBy(() -> create(LocalDate.parse("2026-11-04"), null, false, "week", false))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("starts on the first day of a week (from monday) or of a month");
    }

    @Test
    void aHiddenWeeklySeriesRanksEachPeriodByPercentOfThatWeeksGoal() {
        start("ann", "bob");
        weeklyGoal(person("ann"), 10);
        weeklyGoal(person("bob"), 20);
        var first = create(MONDAY, null, false, "week", true).contest();
        assertThat(first.hidden()).isTrue();

        fixture.lifecycle.tick(); // creates the next period
        var second = fixture.store.list(fixture.organization.id()).stream()
                .map(ContestSummary::contest)
                .filter(c -> c.startsOn().equals(MONDAY.plusWeeks(1)))
                .findFirst()
                .orElseThrow();
        assertThat(second.rankBy()).isEqualTo(RankBy.PERCENT_OF_GOAL);
        assertThat(second.hidden()).isTrue();
        assertThat(second.goalPeriod().orElseThrow().key()).isEqualTo("week:2026-W46");

        goLiveOnMonday();
        fixture.calls("A1", "ann", 5, berlin("2026-11-02T10:00"));
        fixture.calls("B1", "bob", 15, berlin("2026-11-02T11:00"));
        fixture.drain();
        assertThat(fixture.scores(first.id())).containsExactly("1 bob 75", "2 ann 50");
        assertThat(fixture.notices()).isEmpty(); // hidden: computed, never announced
    }
}
