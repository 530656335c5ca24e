package io.scoreline.pipeline.people;

import java.util.Optional;

/**
 * What {@code profile update} changes; an empty field is left as it is. {@code team} and
 * {@code manager} are a team name and an e-mail, or {@link #NONE} to take the person out of their
 * team or away from their manager.
 */
public record ProfileChange(
        Optional<String> team,
        Optional<String> manager,
        Optional<Role> role,
        Optional<Boolean> active,
        Optional<String> displayName) {

    /** The value of {@code --team} or {@code --manager} that clears it. */
    public static final String NONE = "none";

    public ProfileChange {
        displayName = displayName.map(n -> PrintableName.of("display name", n));
    }

    public boolean isEmpty() {
        return team.isEmpty() && manager.isEmpty() && role.isEmpty() && active.isEmpty() && displayName.isEmpty();
    }
}
