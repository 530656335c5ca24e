package io.scoreline.pipeline.people;

import io.scoreline.failure.ScorelineException;
import java.util.Optional;

/**
 * What {@code profile update} and {@code PATCH /profiles/{profileId}} change; an empty field is
 * left as it is. {@code team} and {@code manager} move the person to another team or manager, or
 * to none.
 */
public record ProfileChange(
        Optional<Assignment<TeamRef>> team,
        Optional<Assignment<ProfileRef>> manager,
        Optional<Role> role,
        Optional<Boolean> active,
        Optional<String> displayName) {

    /** The value of {@code --team} or {@code --manager} that clears it. */
    public static final String NONE = "none";

    public ProfileChange {
        displayName = displayName.map(NewProfile::displayName);
        if (team.isEmpty() && manager.isEmpty() && role.isEmpty() && active.isEmpty() && displayName.isEmpty()) {
            throw ScorelineException.badInput(
                    "nothing to change: give a team, a manager, a role, the active flag or a display name");
        }
    }

    /** The CLI's {@code --team NAME|none}. */
    public static Optional<Assignment<TeamRef>> team(Optional<String> name) {
        return name.map(n -> n.strip().equals(NONE) ? Assignment.none() : Assignment.to(new TeamRef.Named(n)));
    }

    /** The CLI's {@code --manager EMAIL|none}. */
    public static Optional<Assignment<ProfileRef>> manager(Optional<String> email) {
        return email.map(e -> e.strip().equals(NONE) ? Assignment.none() : Assignment.to(new ProfileRef.Email(e)));
    }
}
