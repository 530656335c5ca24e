package io.scoreline.app.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.people.Team;

/** A team: every {@code team} command's {@code --json} and the API's team body. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TeamView(
        long id,
        String name,
        @Nullable String parent,
        @JsonProperty("parent_id") @Nullable Long parentId,
        int depth,
        int members,
        @JsonProperty("sub_teams") int subTeams) {

    public static TeamView of(Team team) {
        return new TeamView(
                team.id(),
                team.name(),
                team.parent().orElse(null),
                team.parentId().orElse(null),
                team.depth(),
                team.members(),
                team.subTeams());
    }
}
