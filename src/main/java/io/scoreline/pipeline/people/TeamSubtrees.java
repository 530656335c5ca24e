package io.scoreline.pipeline.people;

import java.util.List;
import org.jooq.DSLContext;

/** Every team of an organization with the ids of the teams below it, for totals that include sub-teams. */
public final class TeamSubtrees {

    /** One team, its depth in the tree and the ids of itself and every team below it. */
    public record Subtree(long teamId, String name, int depth, List<Long> teamIds) {
        public Subtree {
            teamIds = List.copyOf(teamIds);
        }
    }

    private TeamSubtrees() {}

    /** Depth first, siblings by name, read inside the caller's transaction. */
    public static List<Subtree> of(DSLContext tx, long organizationId) {
        var tree = TeamTree.load(tx, organizationId);
        return tree.depthFirst().stream()
                .map(t -> new Subtree(t.id(), t.name(), t.depth(), tree.subtree(t.id())))
                .toList();
    }
}
