package io.scoreline.app.cli.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.scoreline.pipeline.people.Profile;

/** The JSON line of one profile, shared by every {@code profile} command. */
record ProfileJson(
        long id,
        String email,
        @JsonProperty("display_name") String displayName,
        String team,
        @JsonProperty("team_id") Long teamId,
        String manager,
        @JsonProperty("manager_id") Long managerId,
        String role,
        boolean active) {

    static ProfileJson of(Profile profile) {
        return new ProfileJson(
                profile.id(),
                profile.email(),
                profile.displayName().orElse(null),
                profile.team().orElse(null),
                profile.teamId().orElse(null),
                profile.manager().orElse(null),
                profile.managerId().orElse(null),
                profile.role().key(),
                profile.active());
    }
}
