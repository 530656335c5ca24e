package io.scoreline.app.cli.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.scoreline.pipeline.people.Team;

/** The JSON line of one team, shared by every {@code team} command. */
record TeamJson(
        long id,
        String name,
        String parent,
        @JsonProperty("parent_id") Long parentId,
        int depth,
        int members,
        @JsonProperty("sub_teams") int subTeams) {

    static TeamJson of(Team team) {
        return new TeamJson(
                team.id(),
                team.name(),
                team.parent().orElse(null),
                team.parentId().orElse(null),
                team.depth(),
                team.members(),
                team.subTeams());
    }
}
