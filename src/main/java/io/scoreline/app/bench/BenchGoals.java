package io.scoreline.app.bench;

import io.micronaut.context.ApplicationContext;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.badges.BadgeCatalogs;
import io.scoreline.gamification.contests.ContestGoalChanges;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.gamification.goals.WorkingDays;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.goals.GoalStore;
import io.scoreline.pipeline.goals.GoalSubjectRef;
import io.scoreline.pipeline.goals.NewGoal;
import io.scoreline.pipeline.people.Role;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/**
 * The goals of {@code bench evaluator --goals}: a monthly goal on three of the KPIs the bench's
 * changes move, as a default for the reps' role plus a few people's own, and a {@code goal_reached}
 * badge in the bench organization's catalog, so every change runs the goal alerts and the goal
 * badge. The goals are set through the goals use case on the first day of the seeded window (a
 * manager sets a month's goal before the month, and a goal never reaches back into a past period):
 * every seeded change then falls in a period that has a goal.
 */
final class BenchGoals {

    /** The KPIs with goals: the scorecard's three, so {@code --goals --scorecard} stacks on the same keys. */
    static final String[] KPIS = {"calls_made", "meetings_booked", "revenue_won"};

    /** The goal badge's key in the bench's catalog. */
    static final String BADGE = "bench_monthly_calls_goal";

    private static final String BADGE_CATALOG = """
            badges:
              - key: %s
                name: Monthly calls goal
                category: goals
                policy: revocable
                rule: { kind: goal_reached, kpi: calls_made, period: month }
            """.formatted(BADGE);

    /** People with a goal of their own instead of the role's: rep number → multiple of the role's target. */
    private static final Map<Integer, String> OWN_GOALS = Map.of(1, "2", 2, "0.5", 3, "1.5");

    private BenchGoals() {}

    /**
     * Sets the goals and adds the badge; returns how many goals were set. A seeded cell is worth 1
     * to 60 (30.5 on average), so the role's target of 25 a day over at most 30 days is reached in
     * most full months and missed in partial ones, and the people's own goals are reached less or
     * more often: notifications of both kinds and awards that depend on the goal.
     */
    static int set(ApplicationContext context, long organizationId, LocalDate firstDay, int days) {
        var organization = context.getBean(OrganizationStore.class).get(organizationId);
        var onFirstDay = Clock.fixed(
                firstDay.atTime(LocalTime.NOON).atZone(organization.timezone()).toInstant(), organization.timezone());
        var goals = new Goals(
                context.getBean(OrganizationStore.class),
                context.getBean(GoalStore.class),
                context.getBean(TenantTransactions.class),
                context.getBean(WorkingDays.class),
                onFirstDay,
                context.getBean(ContestGoalChanges.class));
        var roleTarget = BigDecimal.valueOf(25L * Math.min(days, 30));
        int set = 0;
        for (var kpi : KPIS) {
            goals.set(
                    organizationId,
                    new NewGoal(
                            kpi,
                            GoalPeriodUnit.MONTH,
                            new GoalSubjectRef.RoleDefault(Role.REP),
                            roleTarget,
                            Optional.empty()),
                    Actor.OPERATOR);
            set++;
            for (var own : OWN_GOALS.entrySet()) {
                goals.set(
                        organizationId,
                        new NewGoal(
                                kpi,
                                GoalPeriodUnit.MONTH,
                                new GoalSubjectRef.Person("rep" + own.getKey() + "@bench.test"),
                                roleTarget.multiply(new BigDecimal(own.getValue())),
                                Optional.empty()),
                        Actor.OPERATOR);
                set++;
            }
        }
        if (context.getBean(BadgeCatalogs.class).addCustom(organizationId, BADGE_CATALOG, Actor.OPERATOR)
                instanceof BadgeCatalogs.Outcome.Rejected rejected) {
            throw new ScorelineException(FailureKind.BUG, "the bench's goal badge is invalid: " + rejected.problems());
        }
        return set;
    }
}
