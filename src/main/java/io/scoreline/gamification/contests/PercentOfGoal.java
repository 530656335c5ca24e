package io.scoreline.gamification.contests;

import io.scoreline.gamification.badges.PeriodCalendar;
import io.scoreline.pipeline.goals.GoalPeriod;
import io.scoreline.pipeline.goals.GoalPeriodUnit;
import io.scoreline.pipeline.goals.GoalTargets;
import io.scoreline.pipeline.goals.ResolvedGoal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The score of a percent-of-goal contest: the participant's value as a percent of their resolved
 * goal for the contest's window (one goal period, checked on create). A person's goal is theirs as
 * {@link GoalTargets} resolves it; a team's is the team's own goal, else the sum of its members'
 * goals (members without one add nothing). Without any goal the row scores nothing and ranks last.
 */
final class PercentOfGoal {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PercentOfGoal() {}

    /** {@code value} unchanged in a contest ranked by value; else the percent of goal. */
    static Score ranked(DSLContext tx, Contest contest, Participant participant, Score value) {
        if (contest.rankBy() == ContestRanking.VALUE) {
            return value;
        }
        var goal = goal(tx, contest, participant);
        if (goal.isEmpty()) {
            return Score.ZERO;
        }
        var percent = value.value().multiply(HUNDRED).divide(goal.get(), 6, RoundingMode.HALF_UP);
        return new Score(percent, value.reachedAt(), goal);
    }

    static boolean sameGoal(Optional<BigDecimal> a, Optional<BigDecimal> b) {
        return a.isPresent() == b.isPresent() && (a.isEmpty() || a.get().compareTo(b.get()) == 0);
    }

    private static Optional<BigDecimal> goal(DSLContext tx, Contest contest, Participant participant) {
        var period = period(contest);
        if (period.isEmpty()) {
            return Optional.empty();
        }
        long organizationId = contest.organizationId();
        var key = participant.key();
        if (key.startsWith("team:")) {
            long teamId = Long.parseLong(key.substring("team:".length()));
            var team = GoalTargets.teamTarget(tx, organizationId, teamId, contest.kpiKey(), period.get());
            if (team.isPresent()) {
                return team.map(ResolvedGoal::target);
            }
        }
        var sum = BigDecimal.ZERO;
        boolean any = false;
        for (long member : participant.members()) {
            var goal = GoalTargets.target(tx, organizationId, member, contest.kpiKey(), period.get());
            if (goal.isPresent()) {
                sum = sum.add(goal.get().target());
                any = true;
            }
        }
        return any ? Optional.of(sum) : Optional.empty();
    }

    /**
     * The goal period the window is. The window was checked on create against the organization's
     * week start, so a seven-day window starts on it: the first day's weekday is the week start.
     */
    private static Optional<GoalPeriod> period(Contest contest) {
        var weekStart = contest.startsOn().getDayOfWeek();
        return GoalWindow.of(new PeriodCalendar(weekStart), contest.startsOn(), contest.endsOn())
                .map(p -> GoalPeriod.containing(GoalPeriodUnit.fromKey(p.unit().key()), weekStart, p.from()));
    }
}
