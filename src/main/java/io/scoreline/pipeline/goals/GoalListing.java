package io.scoreline.pipeline.goals;

import java.util.Objects;

/** A goal with its subject's name for people: the person's email, the team's name or the role. */
public record GoalListing(Goal goal, String subjectName) {
    public GoalListing {
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(subjectName, "subjectName");
    }
}
