package io.scoreline.pipeline.people;

import io.scoreline.failure.ScorelineException;
import java.util.Optional;

/**
 * What {@code team rename}, {@code team move} and {@code PATCH /teams/{teamId}} change: a new name,
 * a new parent (or none: top level), or both at once; an empty field is left as it is.
 */
public record TeamChange(Optional<String> name, Optional<Assignment<TeamRef>> parent) {

    public TeamChange {
        name = name.map(n -> PrintableName.of("new team name", n));
        if (name.isEmpty() && parent.isEmpty()) {
            throw ScorelineException.badInput("nothing to change: give a new name or a new parent");
        }
    }
}
