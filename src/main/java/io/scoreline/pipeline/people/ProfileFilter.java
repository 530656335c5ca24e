package io.scoreline.pipeline.people;

import java.util.Optional;

/**
 * Which profiles {@code profile list} and {@code GET /profiles} show; every present filter must
 * hold. {@code team} includes the people of its sub-teams; {@code manager} lists direct reports.
 */
public record ProfileFilter(
        Optional<TeamRef> team, Optional<Role> role, Optional<Boolean> active, Optional<ProfileRef> manager) {

    public static ProfileFilter none() {
        return new ProfileFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
