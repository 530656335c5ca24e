package io.scoreline.pipeline.people;

import static io.scoreline.pipeline.db.Tables.PROFILES;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * Which top-level team each person counts for: a team contest ranks the top-level teams, each with
 * the people of all its sub-teams (ADR 0037). Read inside the caller's transaction, so a contest
 * fixes its teams from one consistent view of the tree.
 */
public final class TeamRoots {

    private TeamRoots() {}

    /** Profile id to the top-level team above (or equal to) the profile's team; people in no team are left out. */
    public static Map<Long, Long> of(DSLContext tx, long organizationId, Collection<Long> profileIds) {
        var tree = TeamTree.load(tx, organizationId);
        var roots = new HashMap<Long, Long>();
        tx.select(PROFILES.ID, PROFILES.TEAM_ID)
                .from(PROFILES)
                .where(PROFILES.ORGANIZATION_ID.eq(organizationId))
                .and(PROFILES.ID.in(profileIds))
                .and(PROFILES.TEAM_ID.isNotNull())
                .forEach(r -> roots.put(r.value1(), tree.root(r.value2())));
        return roots;
    }
}
