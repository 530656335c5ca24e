package io.scoreline.pipeline.goals;

import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import io.scoreline.pipeline.people.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Which goal applies to a person or team in a period (ADR 0044). A person's goal is their own,
 * else the team-members default of their team or the nearest team above it, else the default for
 * their role, else none; defaults reach active people only. A team's goal is the team's own (its
 * total, sub-teams included); a team inherits none. Read inside the caller's transaction.
 */
public final class GoalTargets {

    private GoalTargets() {}

    /** The goal of the person with {@code profileId} for {@code kpiKey} in {@code period}. */
    public static Optional<ResolvedGoal> target(
            DSLContext tx, long organizationId, long profileId, String kpiKey, GoalPeriod period) {
        var goals = GoalRows.applying(tx, organizationId, kpiKey, period);
        if (goals.isEmpty()) {
            return Optional.empty();
        }
        var person = tx.select(PROFILES.TEAM_ID, PROFILES.ROLE, PROFILES.ACTIVE)
                .from(PROFILES)
                .where(PROFILES.ORGANIZATION_ID.eq(organizationId))
                .and(PROFILES.ID.eq(profileId))
                .fetchOptional();
        if (person.isEmpty()) {
            return Optional.empty();
        }
        var resolver = new Resolver(goals, parents(tx, organizationId));
        var row = person.get();
        return resolver.forPerson(profileId, row.value1(), row.value2(), row.value3())
                .map(goal -> ResolvedGoal.of(goal, period));
    }

    /** The goal of the team with {@code teamId} (for its total) for {@code kpiKey} in {@code period}. */
    public static Optional<ResolvedGoal> teamTarget(
            DSLContext tx, long organizationId, long teamId, String kpiKey, GoalPeriod period) {
        return GoalRows.applying(tx, organizationId, kpiKey, period).stream()
                .filter(g -> g.subject() instanceof GoalSubject.Team(long id) && id == teamId)
                .findFirst()
                .map(goal -> ResolvedGoal.of(goal, period));
    }

    /**
     * The goal of every person of the organization that has one for {@code kpiKey} in {@code
     * period}, by profile id: one query for goals, one for people, one for the team tree.
     */
    public static Map<Long, ResolvedGoal> people(DSLContext tx, long organizationId, String kpiKey, GoalPeriod period) {
        var goals = GoalRows.applying(tx, organizationId, kpiKey, period);
        var resolved = new TreeMap<Long, ResolvedGoal>();
        if (goals.isEmpty()) {
            return resolved;
        }
        var resolver = new Resolver(goals, parents(tx, organizationId));
        tx.select(PROFILES.ID, PROFILES.TEAM_ID, PROFILES.ROLE, PROFILES.ACTIVE)
                .from(PROFILES)
                .where(PROFILES.ORGANIZATION_ID.eq(organizationId))
                .forEach(r -> resolver.forPerson(r.value1(), r.value2(), r.value3(), r.value4())
                        .ifPresent(goal -> resolved.put(r.value1(), ResolvedGoal.of(goal, period))));
        return resolved;
    }

    private static Map<Long, Long> parents(DSLContext tx, long organizationId) {
        var parents = new HashMap<Long, Long>();
        tx.select(TEAMS.ID, TEAMS.PARENT_ID)
                .from(TEAMS)
                .where(TEAMS.ORGANIZATION_ID.eq(organizationId))
                .forEach(r -> parents.put(r.value1(), r.value2()));
        return parents;
    }

    /** The resolution order over goals that already apply to the period (latest start first). */
    private record Resolver(List<Goal> goals, Map<Long, Long> parents) {

        Optional<Goal> forPerson(long profileId, Long teamId, String role, boolean active) {
            var own = first(s -> s instanceof GoalSubject.Person(long id) && id == profileId);
            if (own.isPresent() || !active) {
                return own;
            }
            // Walk up the tree; the visited set guards against a cycle another writer might leave.
            var seen = new java.util.HashSet<Long>();
            for (var team = teamId; team != null && seen.add(team); team = parents.get(team)) {
                long current = team;
                var members = first(s -> s instanceof GoalSubject.TeamMembers(long id) && id == current);
                if (members.isPresent()) {
                    return members;
                }
            }
            var personRole = Role.fromKey(role);
            return first(s -> s instanceof GoalSubject.RoleDefault(Role r) && r == personRole);
        }

        private Optional<Goal> first(java.util.function.Predicate<GoalSubject> subject) {
            return goals.stream().filter(g -> subject.test(g.subject())).findFirst();
        }
    }
}
