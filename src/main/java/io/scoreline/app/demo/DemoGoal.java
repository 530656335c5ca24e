package io.scoreline.app.demo;

import io.scoreline.app.view.GoalProgressView;
import io.scoreline.gamification.goals.Goals;
import io.scoreline.gamification.goals.ProgressQuery;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.goals.GoalSubjectRef;
import io.scoreline.pipeline.goals.NewGoal;
import io.scoreline.pipeline.people.Role;
import io.scoreline.pipeline.tenancy.Organization;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The demo's goal: booked meetings per month for every rep (a role default, as {@code goal set
 * --role rep} sets it), through the same use case as the goal commands, and one rep's percent of
 * it and pace this month.
 */
final class DemoGoal {

    static final String KPI = "meetings_booked";
    static final GoalPeriodUnit PERIOD = GoalPeriodUnit.MONTH;
    /** About 1.6 meetings a working day, the simulated reps' mean: some are ahead of pace, some behind. */
    static final BigDecimal TARGET = new BigDecimal("30");

    private final Goals goals;

    DemoGoal(Goals goals) {
        this.goals = goals;
    }

    /** Sets the goal from this month on and returns {@code rep}'s progress towards it. */
    GoalProgressView set(Organization organization, String rep) {
        goals.set(
                organization.slug(),
                new NewGoal(KPI, PERIOD, new GoalSubjectRef.RoleDefault(Role.REP), TARGET, Optional.empty()));
        return GoalProgressView.of(goals.progress(
                        organization.slug(),
                        new ProgressQuery(new GoalSubjectRef.Person(rep), KPI, PERIOD, Optional.empty()))
                .progress());
    }
}
