package io.scoreline.gamification.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.contests.ContestGoalChanges;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.goals.GoalListing;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.goals.GoalStore;
import io.scoreline.pipeline.goals.GoalSubjectRef;
import io.scoreline.pipeline.goals.NewGoal;
import io.scoreline.pipeline.kpi.measure.KpiMeasureCache;
import io.scoreline.pipeline.people.Role;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import io.scoreline.sim.TestClock;
import io.scoreline.testing.TestPostgres;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Goals on a real database and a fake clock: history kept across changes, pace over working days
 * across the DST change of Europe/Berlin and a quarter boundary, a team's goal over its sub-teams,
 * unknown KPIs and subjects, and another organization's goal ids.
 */
class GoalsIT {

    private static DatabaseRuntime database;
    private static TenantTransactions transactions;
    private static GoalFixture rows;

    @BeforeAll
    static void open() {
        database = TestPostgres.freshRuntime();
        transactions = new TenantTransactions(database.dsl());
        rows = new GoalFixture(transactions);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aChangeAppliesFromTheCurrentPeriodAndEndedPeriodsKeepTheirTarget() {
        var org = rows.organization("goals-history");
        long ann = rows.profile(org, "ann@example.com", null);
        rows.value(org, ann, "calls_made", LocalDate.of(2026, 3, 2), 30);
        var clock = new TestClock(Instant.parse("2026-03-10T09:00:00Z"));
        var goals = goals(clock);

        var first = goals.set(org.slug(), monthly(ann("100"), Optional.empty())).goal();
        assertThat(first.goal().startsOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        var raised =
                goals.set(org.slug(), monthly(ann("150"), Optional.empty())).goal();
        assertThat(goals.list(org.slug()).goals())
                .as("the same period again replaces the target")
                .extracting(l -> l.goal().id())
                .containsExactly(raised.goal().id());

        clock.advance(java.time.Duration.ofDays(26)); // 5 April
        var april = goals.set(org.slug(), monthly(ann("200"), Optional.empty())).goal();
        assertThat(goals.list(org.slug()).goals())
                .extracting(l -> l.goal().id())
                .containsExactly(april.goal().id());
        var march = goals.progress(org.slug(), query(ann(), LocalDate.of(2026, 3, 20)))
                .progress();
        assertThat(march.goal().target()).as("March keeps its target").isEqualByComparingTo("150");
        assertThat(march.goal().goalId()).isEqualTo(raised.goal().id());
        assertThat(march.pace().elapsedWorkingDays())
                .as("an ended period has every working day")
                .isEqualTo(22);
        assertThat(march.pace().expected()).isEqualByComparingTo("150");
        assertThat(march.standing())
                .isEqualTo(
                        new GoalStanding.Measured(new BigDecimal("30"), new BigDecimal("20"), new BigDecimal("-120")));

        assertThatThrownBy(() -> goals.set(org.slug(), monthly(ann("300"), Optional.of(LocalDate.of(2026, 3, 31)))))
                .hasMessageContaining("goals never change a past period")
                .hasMessageContaining("--from 2026-04-01");
        var future = goals.set(org.slug(), monthly(ann("250"), Optional.of(LocalDate.of(2026, 6, 15))))
                .goal();
        assertThat(future.goal().startsOn()).isEqualTo(LocalDate.of(2026, 6, 1));
        assertThat(goals.list(org.slug()).goals())
                .extracting(
                        l -> l.goal().target().stripTrailingZeros().toPlainString(),
                        l -> l.goal().endsOn())
                .containsExactly(tuple("200", Optional.of(LocalDate.of(2026, 5, 31))), tuple("250", Optional.empty()));

        var removed = goals.remove(org.slug(), april.goal().id()).removal();
        assertThat(removed.deleted())
                .as("April's goal started this month: nothing ended with it")
                .isTrue();
        assertThatThrownBy(() -> goals.remove(org.slug(), raised.goal().id()))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.CONFLICT))
                .hasMessageContaining("already ended on 2026-03-31");
        assertThat(goals.progress(org.slug(), query(ann(), LocalDate.of(2026, 3, 20)))
                        .progress()
                        .goal()
                        .target())
                .isEqualByComparingTo("150");
        assertThat(audit(org)).containsExactly("goal.set", "goal.set", "goal.set", "goal.set", "goal.remove");
    }

    @Test
    void paceCountsWholeLocalWorkingDaysAcrossDstAndStartsAfreshAtAQuarter() {
        var org = rows.organization("goals-pace");
        long ann = rows.profile(org, "ann@example.com", null);
        for (var day = LocalDate.of(2026, 3, 2); day.isBefore(LocalDate.of(2026, 3, 30)); day = day.plusDays(1)) {
            rows.value(org, ann, "calls_made", day, 7);
        }
        // 22:30 UTC on the 29th is 00:30 on Monday the 30th in Berlin, an hour after the clocks went forward.
        var clock = new TestClock(Instant.parse("2026-03-29T22:30:00Z"));
        var goals = goals(clock);
        goals.set(org.slug(), monthly(ann("220"), Optional.empty()));
        goals.set(
                org.slug(),
                new NewGoal("calls_made", GoalPeriodUnit.QUARTER, ann(), new BigDecimal("640"), Optional.empty()));
        goals.set(
                org.slug(),
                new NewGoal("calls_made", GoalPeriodUnit.WEEK, ann(), new BigDecimal("50"), Optional.empty()));

        var month = goals.progress(org.slug(), query(ann(), null)).progress();
        assertThat(month.goal().period().key()).isEqualTo("month:2026-03");
        assertThat(month.pace()).isEqualTo(new GoalPace(22, 20, new BigDecimal("200")));
        // 28 days of 7: 196 (weekends included: the rule counts every day's calls).
        assertThat(month.standing())
                .isEqualTo(
                        new GoalStanding.Measured(new BigDecimal("196"), new BigDecimal("89.1"), new BigDecimal("-4")));
        assertThat(month.standing().status()).isEqualTo("behind");

        var quarter = goals.progress(
                        org.slug(), new ProgressQuery(ann(), "calls_made", GoalPeriodUnit.QUARTER, Optional.empty()))
                .progress();
        assertThat(quarter.pace()).isEqualTo(new GoalPace(64, 62, new BigDecimal("620")));
        var week = goals.progress(
                        org.slug(), new ProgressQuery(ann(), "calls_made", GoalPeriodUnit.WEEK, Optional.empty()))
                .progress();
        assertThat(week.goal().period().from()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(week.pace())
                .as("Monday morning: nothing expected yet")
                .isEqualTo(new GoalPace(5, 0, BigDecimal.ZERO));
        assertThat(week.standing().status()).isEqualTo("on_pace");

        // 22:30 UTC on 31 March is 1 April in Berlin: a new quarter with nothing elapsed.
        var april = goals(new TestClock(Instant.parse("2026-03-31T22:30:00Z")));
        var q2 = april.progress(
                        org.slug(), new ProgressQuery(ann(), "calls_made", GoalPeriodUnit.QUARTER, Optional.empty()))
                .progress();
        assertThat(q2.goal().period().key()).isEqualTo("quarter:2026-Q2");
        assertThat(q2.pace()).isEqualTo(new GoalPace(65, 0, BigDecimal.ZERO));
        assertThat(q2.standing())
                .isEqualTo(new GoalStanding.Measured(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO));
    }

    @Test
    void aTeamsGoalCountsItsSubTeamsAndDefaultsResolveByTeamThenRole() {
        var org = rows.organization("goals-team");
        long east = rows.team(org, "East", null);
        long inner = rows.team(org, "East Inner", east);
        long west = rows.team(org, "West", null);
        long ann = rows.profile(org, "ann@example.com", east);
        long bob = rows.profile(org, "bob@example.com", inner);
        long cid = rows.profile(org, "cid@example.com", west);
        var day = LocalDate.of(2026, 3, 3);
        rows.value(org, ann, "calls_made", day, 10);
        rows.value(org, bob, "calls_made", day, 20);
        rows.value(org, cid, "calls_made", day, 40);
        var goals = goals(new TestClock(Instant.parse("2026-03-10T09:00:00Z")));
        goals.set(org.slug(), monthly(new GoalSubjectRef.Team("East"), "100"));
        goals.set(org.slug(), monthly(new GoalSubjectRef.TeamMembers("East"), "60"));
        goals.set(org.slug(), monthly(new GoalSubjectRef.RoleDefault(Role.REP), "40"));

        var team = goals.progress(org.slug(), query(new GoalSubjectRef.Team("East"), null))
                .progress();
        assertThat(team.subject()).isEqualTo("team");
        assertThat(team.standing().percentOfTarget()).contains(new BigDecimal("30"));
        var bobs = goals.progress(org.slug(), query(new GoalSubjectRef.Person("bob@example.com"), null))
                .progress();
        assertThat(bobs.goalName()).isEqualTo("East");
        assertThat(bobs.goal().target()).isEqualByComparingTo("60");
        var cids = goals.progress(org.slug(), query(new GoalSubjectRef.Person("cid@example.com"), null))
                .progress();
        assertThat(cids.goalName()).isEqualTo("rep");
        assertThat(cids.standing().percentOfTarget()).contains(new BigDecimal("100"));
        assertThatThrownBy(() -> goals.progress(org.slug(), query(new GoalSubjectRef.Team("West"), null)))
                .hasMessageContaining("West has no monthly goal for calls_made in month:2026-03");
        assertThat(west).isPositive();
        assertThat(inner).isPositive();
    }

    @Test
    void badInputIsRefusedWithWhatToDoAndAnotherOrganizationsGoalIsNotFound() {
        var org = rows.organization("goals-refusals");
        long ann = rows.profile(org, "ann@example.com", null);
        rows.value(org, ann, "calls_made", LocalDate.of(2026, 3, 2), 1);
        rows.value(org, ann, "meetings_booked", LocalDate.of(2026, 3, 2), 1);
        var goals = goals(new TestClock(Instant.parse("2026-03-10T09:00:00Z")));
        assertThatThrownBy(() -> goals.set(
                        org.slug(),
                        new NewGoal("calls_mad", GoalPeriodUnit.MONTH, ann(), BigDecimal.TEN, Optional.empty())))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.BAD_INPUT))
                .hasMessageContaining("unknown KPI 'calls_mad'")
                .hasMessageContaining("did you mean calls_made?");
        assertThatThrownBy(() -> goals.set(org.slug(), monthly(new GoalSubjectRef.Person("nobody@example.com"), "5")))
                .hasMessageContaining("no person 'nobody@example.com'");
        assertThatThrownBy(() -> goals.set(org.slug(), monthly(new GoalSubjectRef.Team("Nope"), "5")))
                .hasMessageContaining("no team 'Nope'");
        assertThatThrownBy(() -> goals.set(org.slug(), monthly(ann(), "0")))
                .hasMessageContaining("must be a positive number");

        var other = rows.organization("goals-other");
        long olga = rows.profile(other, "olga@example.com", null);
        rows.value(other, olga, "calls_made", LocalDate.of(2026, 3, 2), 1);
        var theirs = goals.set(other.slug(), monthly(new GoalSubjectRef.Person("olga@example.com"), "9"))
                .goal();
        assertThatThrownBy(() -> goals.remove(org.slug(), theirs.goal().id()))
                .isInstanceOfSatisfying(
                        ScorelineException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND));
        assertThat(goals.list(org.slug()).goals()).isEmpty();
        assertThat(goals.list(other.slug()).goals())
                .extracting(GoalListing::subjectName)
                .containsExactly("olga@example.com");
    }

    private static Goals goals(TestClock clock) {
        return new Goals(
                new OrganizationStore(transactions),
                new GoalStore(transactions),
                transactions,
                new WorkingDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
                clock,
                new ContestGoalChanges(transactions, clock, new KpiMeasureCache()));
    }

    private static GoalSubjectRef ann() {
        return new GoalSubjectRef.Person("ann@example.com");
    }

    private static NewGoal monthly(GoalSubjectRef subject, String target) {
        return new NewGoal("calls_made", GoalPeriodUnit.MONTH, subject, new BigDecimal(target), Optional.empty());
    }

    private static NewGoal monthly(NewGoal goal, Optional<LocalDate> from) {
        return new NewGoal(goal.kpiKey(), goal.unit(), goal.subject(), goal.target(), from);
    }

    private static NewGoal ann(String target) {
        return monthly(ann(), target);
    }

    private static ProgressQuery query(GoalSubjectRef subject, LocalDate date) {
        return new ProgressQuery(subject, "calls_made", GoalPeriodUnit.MONTH, Optional.ofNullable(date));
    }

    private static java.util.List<String> audit(Organization org) {
        return transactions.inOrganization(
                org.id(),
                tx -> tx.fetch(
                                "select action from audit_log where organization_id = ? and action like 'goal.%' order by id",
                                org.id())
                        .getValues(0, String.class));
    }
}
