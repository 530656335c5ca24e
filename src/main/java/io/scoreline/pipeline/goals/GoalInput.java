package io.scoreline.pipeline.goals;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.people.Role;
import java.math.BigDecimal;
import java.util.ArrayList;

/** The checks the CLI and the API share for a goal's input, with the same words. */
public final class GoalInput {

    private GoalInput() {}

    /** @param option how the caller names the input ({@code --target} or {@code target}) */
    public static BigDecimal target(String value, String option) {
        if (value == null) {
            throw ScorelineException.badInput(option + " is required");
        }
        BigDecimal target;
        try {
            target = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw ScorelineException.badInput(option + " '" + value + "' is not a number");
        }
        if (target.signum() <= 0
                || target.compareTo(new BigDecimal("99999999999999")) > 0
                || target.stripTrailingZeros().scale() > 6) {
            throw ScorelineException.badInput(option + " " + target.toPlainString()
                    + " must be a positive number below 10^14 with at most 6 decimals");
        }
        return target;
    }

    /**
     * Exactly one of the four; {@code names} are how the caller spells them (options or fields),
     * in the order person, team, role, team members.
     */
    public static GoalSubjectRef subject(String person, String team, String role, String teamMembers, String... names) {
        var given = new ArrayList<GoalSubjectRef>();
        if (person != null) {
            given.add(new GoalSubjectRef.Person(person));
        }
        if (team != null) {
            given.add(new GoalSubjectRef.Team(team));
        }
        if (role != null) {
            given.add(new GoalSubjectRef.RoleDefault(Role.fromKey(role)));
        }
        if (teamMembers != null) {
            given.add(new GoalSubjectRef.TeamMembers(teamMembers));
        }
        if (given.size() != 1) {
            throw ScorelineException.badInput("give exactly one of " + String.join(", ", names));
        }
        return given.getFirst();
    }
}
