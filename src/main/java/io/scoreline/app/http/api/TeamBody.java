package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.scoreline.pipeline.people.Team;

/** A team as the API shows it: the fields and words of {@code team list --json}, nulls included. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TeamBody(
        long id,
        String name,
        @Nullable String parent,
        @JsonProperty("parent_id") @Nullable Long parentId,
        int depth,
        int members,
        @JsonProperty("sub_teams") int subTeams) {

    static TeamBody of(Team team) {
        return new TeamBody(
                team.id(),
                team.name(),
                team.parent().orElse(null),
                team.parentId().orElse(null),
                team.depth(),
                team.members(),
                team.subTeams());
    }
}
