package io.scoreline.pipeline.identities;

import io.scoreline.pipeline.people.TeamMove;
import java.util.List;

/**
 * What {@code users sync} did: CRM users seen, newly linked to profiles, profiles created, still
 * unmatched; with {@code --teams-from-crm} also the people moved to another team, the teams created
 * and the managers set.
 */
public record UsersSyncResult(
        int usersSeen,
        int newlyLinked,
        int profilesCreated,
        int unmatched,
        List<TeamMove> moves,
        int teamsCreated,
        int managersChanged) {

    public UsersSyncResult {
        moves = List.copyOf(moves);
    }

    public UsersSyncResult(int usersSeen, int newlyLinked, int profilesCreated, int unmatched) {
        this(usersSeen, newlyLinked, profilesCreated, unmatched, List.of(), 0, 0);
    }
}
