package io.scoreline.pipeline.goals;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.gamification.goals.GoalFixture;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.people.Role;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.testing.TestPostgres;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read API of goals: a person's own goal beats the team-members default of the nearest team up
 * the tree, which beats a role default; defaults skip inactive people; a team's goal is its own;
 * a goal applies only to the periods of its run.
 */
class GoalTargetsIT {

    private static final LocalDate MARCH = LocalDate.of(2026, 3, 10);

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
    void aPersonsGoalIsOwnThenNearestTeamMembersDefaultThenRoleDefault() {
        var org = rows.organization("goals-order");
        long sales = rows.team(org, "Sales", null);
        long east = rows.team(org, "East", sales);
        long eastInner = rows.team(org, "East Inner", east);
        long ann = rows.profile(org, "ann@example.com", eastInner, "rep", true);
        long bob = rows.profile(org, "bob@example.com", eastInner, "rep", true);
        long cid = rows.profile(org, "cid@example.com", null, "rep", true);
        long dan = rows.profile(org, "dan@example.com", null, "manager", true);
        long eve = rows.profile(org, "eve@example.com", eastInner, "rep", false);
        var month = GoalPeriod.containing(GoalPeriodUnit.MONTH, DayOfWeek.MONDAY, MARCH);

        goal(org, "person", ann, null, null, "100");
        goal(org, "team_members", null, sales, null, "50");
        long eastMembers = goal(org, "team_members", null, east, null, "60");
        long reps = goal(org, "role", null, null, "rep", "40");
        goal(org, "team", null, east, null, "1000");

        var annGoal = resolve(org, ann, month);
        assertThat(annGoal.target()).isEqualByComparingTo("100");
        assertThat(annGoal.from()).isEqualTo(new GoalSubject.Person(ann));
        assertThat(annGoal.period().from()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(annGoal.period().to()).isEqualTo(LocalDate.of(2026, 3, 31));
        var bobGoal = resolve(org, bob, month);
        assertThat(bobGoal.goalId()).as("nearest team above wins over Sales").isEqualTo(eastMembers);
        assertThat(bobGoal.from()).isEqualTo(new GoalSubject.TeamMembers(east));
        var cidGoal = resolve(org, cid, month);
        assertThat(cidGoal.goalId()).isEqualTo(reps);
        assertThat(cidGoal.from()).isEqualTo(new GoalSubject.RoleDefault(Role.REP));
        assertThat(target(org, dan, month)).as("no default for managers").isEmpty();
        assertThat(target(org, eve, month))
                .as("defaults reach active people only")
                .isEmpty();

        var everyone =
                transactions.inOrganization(org.id(), tx -> GoalTargets.people(tx, org.id(), "calls_made", month));
        assertThat(everyone.keySet()).containsExactlyInAnyOrder(ann, bob, cid);
        assertThat(everyone.get(bob).target()).isEqualByComparingTo("60");

        var teamGoal = transactions.inOrganization(
                org.id(), tx -> GoalTargets.teamTarget(tx, org.id(), east, "calls_made", month));
        assertThat(teamGoal.orElseThrow().target()).isEqualByComparingTo("1000");
        java.util.Optional<ResolvedGoal> salesGoal = transactions.inOrganization(
                org.id(), tx -> GoalTargets.teamTarget(tx, org.id(), sales, "calls_made", month));
        assertThat(salesGoal).as("a team inherits no goal").isEmpty();
        var week = GoalPeriod.containing(GoalPeriodUnit.WEEK, DayOfWeek.MONDAY, MARCH);
        assertThat(target(org, ann, week))
                .as("a monthly goal is not a weekly one")
                .isEmpty();
    }

    @Test
    void aGoalAppliesOnlyToThePeriodsOfItsRun() {
        var org = rows.organization("goals-run");
        long ann = rows.profile(org, "ann@example.com", null, "rep", true);
        transactions.inOrganization(
                org.id(),
                tx -> tx.execute(
                        "insert into goals (organization_id, kpi_key, period_unit, subject_kind, profile_id, target, starts_on, ends_on) "
                                + "values (?, 'calls_made', 'month', 'person', ?, 10, date '2026-02-01', date '2026-03-31'), "
                                + "(?, 'calls_made', 'month', 'person', ?, 20, date '2026-04-01', null)",
                        org.id(),
                        ann,
                        org.id(),
                        ann));
        assertThat(target(org, ann, month(2026, 1))).isEmpty();
        assertThat(resolve(org, ann, month(2026, 2)).target()).isEqualByComparingTo("10");
        assertThat(resolve(org, ann, month(2026, 3)).target()).isEqualByComparingTo("10");
        assertThat(resolve(org, ann, month(2026, 4)).target()).isEqualByComparingTo("20");
        assertThat(resolve(org, ann, month(2027, 1)).target()).isEqualByComparingTo("20");
    }

    @Test
    void weeksFollowTheOrganizationsWeekStartAndIsoNumbering() {
        var sunday = GoalPeriod.containing(GoalPeriodUnit.WEEK, DayOfWeek.SUNDAY, LocalDate.of(2026, 12, 30));
        assertThat(sunday.from()).isEqualTo(LocalDate.of(2026, 12, 27));
        assertThat(sunday.to()).isEqualTo(LocalDate.of(2027, 1, 2));
        var quarter = GoalPeriod.containing(GoalPeriodUnit.QUARTER, DayOfWeek.MONDAY, LocalDate.of(2026, 5, 31));
        assertThat(quarter.key()).isEqualTo("quarter:2026-Q2");
        assertThat(quarter.from()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(quarter.to()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    private static GoalPeriod month(int year, int month) {
        return GoalPeriod.containing(GoalPeriodUnit.MONTH, DayOfWeek.MONDAY, LocalDate.of(year, month, 15));
    }

    private static ResolvedGoal resolve(Organization org, long profileId, GoalPeriod period) {
        return target(org, profileId, period).orElseThrow();
    }

    private static java.util.Optional<ResolvedGoal> target(Organization org, long profileId, GoalPeriod period) {
        return transactions.inOrganization(
                org.id(), tx -> GoalTargets.target(tx, org.id(), profileId, "calls_made", period));
    }

    private static long goal(Organization org, String kind, Long profile, Long team, String role, String target) {
        return rows.goal(org.id(), "calls_made", "month", kind, profile, team, role, target, LocalDate.of(2026, 1, 1));
    }
}
