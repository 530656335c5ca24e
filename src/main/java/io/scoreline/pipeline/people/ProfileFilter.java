package io.scoreline.pipeline.people;

import java.util.Optional;

/**
 * Which profiles {@code profile list} shows; every present filter must hold. {@code team} includes
 * the people of its sub-teams; {@code manager} is the manager's e-mail (direct reports only).
 */
public record ProfileFilter(
        Optional<String> team, Optional<Role> role, Optional<Boolean> active, Optional<String> manager) {

    public static ProfileFilter none() {
        return new ProfileFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
