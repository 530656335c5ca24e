package io.scoreline.gamification.contests;

import io.scoreline.mappings.measures.MeasuredValue;
import io.scoreline.pipeline.goals.GoalPeriod;
import io.scoreline.pipeline.goals.GoalTargets;
import io.scoreline.pipeline.goals.ResolvedGoal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The score of a contest ranked by percent of goal (ADR 0046): the participant's value over the
 * window as a percent of their goal for the contest's goal period, six decimals half-even like every
 * derived value (ADR 0048). Goals are read at every score, so a goal set or changed during the
 * contest counts from the next re-score. A person's goal is the one {@link GoalTargets} resolves
 * (own, team members' default, role default); a team's is the team's own goal, else the sum of its
 * members' resolved goals. Without a goal the score is undefined and ranks last; an undefined value
 * stays undefined with its own reason.
 */
final class PercentOfGoal {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PercentOfGoal() {}

    /** {@code value} unchanged in a contest ranked by value; else its percent of the participant's goal. */
    static MeasuredValue of(DSLContext tx, Contest contest, Participant participant, MeasuredValue value) {
        if (contest.goalPeriod().isEmpty()) {
            return value;
        }
        var period = contest.goalPeriod().get();
        return switch (value) {
            case MeasuredValue.Undefined undefined -> undefined;
            case MeasuredValue.Defined(var v) ->
                goal(tx, contest, participant, period)
                        .<MeasuredValue>map(goal ->
                                new MeasuredValue.Defined(v.multiply(HUNDRED).divide(goal, 6, RoundingMode.HALF_EVEN)))
                        .orElseGet(() ->
                                new MeasuredValue.Undefined("no " + contest.kpiKey() + " goal for " + period.key()));
        };
    }

    private static Optional<BigDecimal> goal(
            DSLContext tx, Contest contest, Participant participant, GoalPeriod period) {
        long organizationId = contest.organizationId();
        if (participant.key().startsWith("team:")) {
            long teamId = Long.parseLong(participant.key().substring("team:".length()));
            var own = GoalTargets.teamTarget(tx, organizationId, teamId, contest.kpiKey(), period);
            if (own.isPresent()) {
                return own.map(ResolvedGoal::target);
            }
        }
        if (participant.members().size() == 1) {
            return GoalTargets.target(tx, organizationId, participant.members().getFirst(), contest.kpiKey(), period)
                    .map(ResolvedGoal::target);
        }
        // The members' goals added up (those without one add nothing), resolved in three queries.
        var goals = GoalTargets.people(tx, organizationId, contest.kpiKey(), period);
        return participant.members().stream()
                .map(goals::get)
                .filter(java.util.Objects::nonNull)
                .map(ResolvedGoal::target)
                .reduce(BigDecimal::add)
                .filter(sum -> sum.signum() > 0);
    }
}
