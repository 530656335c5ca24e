package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.people.Profile;

/** A profile: every {@code profile} command's {@code --json} and the API's profile body. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProfileView(
        long id,
        String email,
        @JsonProperty("display_name") @Nullable String displayName,
        @Nullable String team,
        @JsonProperty("team_id") @Nullable Long teamId,
        @Nullable String manager,
        @JsonProperty("manager_id") @Nullable Long managerId,
        String role,
        boolean active) {

    public static ProfileView of(Profile profile) {
        return new ProfileView(
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
