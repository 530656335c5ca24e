package io.scoreline.pipeline.people;

import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import io.scoreline.pipeline.tenancy.Organization;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * An organization's teams read in one query, for the decisions that need the whole tree: is this
 * name free, is the new parent inside the team being moved, which teams are below a team. An
 * organization has tens of teams, not thousands, so holding them all is cheap.
 */
final class TeamTree {

    private record Node(long id, String name, Long parentId, int members) {}

    private final Map<Long, Node> byId = new HashMap<>();
    private final Map<String, Node> byName = new HashMap<>();
    private final Map<Long, List<Node>> children = new HashMap<>();

    private TeamTree(List<Node> nodes) {
        for (var node : nodes) {
            byId.put(node.id(), node);
            byName.put(node.name(), node);
        }
        for (var node : nodes) {
            // A parent the reader cannot see cannot exist (composite key of V25); treat it as top level.
            Long parent = node.parentId() != null && byId.containsKey(node.parentId()) ? node.parentId() : null;
            children.computeIfAbsent(parent, p -> new ArrayList<>()).add(node);
        }
        children.values().forEach(list -> list.sort(Comparator.comparing(Node::name)));
    }

    static TeamTree load(DSLContext tx, long organizationId) {
        var members = DSL.field(DSL.selectCount()
                .from(PROFILES)
                .where(PROFILES.TEAM_ID.eq(TEAMS.ID))
                .and(PROFILES.ORGANIZATION_ID.eq(organizationId)));
        return new TeamTree(tx.select(TEAMS.ID, TEAMS.NAME, TEAMS.PARENT_ID, members)
                .from(TEAMS)
                .where(TEAMS.ORGANIZATION_ID.eq(organizationId))
                .fetch(r -> new Node(r.value1(), r.value2(), r.value3(), r.value4())));
    }

    Optional<Team> find(String name) {
        return Optional.ofNullable(byName.get(name)).map(n -> team(n, depth(n)));
    }

    Team require(Organization organization, String name) {
        return require(organization, new TeamRef.Named(name), PeopleRefusal.Part.SUBJECT);
    }

    /** @param part what the reference is in the request, for the refusal when there is no such team */
    Team require(Organization organization, TeamRef ref, PeopleRefusal.Part part) {
        var node = switch (ref) {
            case TeamRef.Named named -> byName.get(named.name());
            case TeamRef.Id id -> byId.get(id.id());
        };
        if (node == null) {
            throw PeopleRefusal.notFound(
                    part,
                    "no team " + ref.described() + " in " + organization.slug() + " (see `scoreline team list --org "
                            + organization.slug() + "`)");
        }
        return team(node, depth(node));
    }

    /** A taken name is a conflict with what exists, not a malformed request (409 through the API). */
    void requireFree(Organization organization, String name) {
        if (byName.containsKey(name)) {
            throw PeopleRefusal.conflict(
                    PeopleRefusal.Part.NAME,
                    "a team called '" + name + "' already exists in " + organization.slug()
                            + " (team names are unique in an organization)");
        }
    }

    /** Whether {@code candidate} is {@code ancestor} or somewhere below it. */
    boolean isWithin(long candidate, long ancestor) {
        var seen = new HashSet<Long>();
        for (Long at = candidate; at != null && seen.add(at); at = parentOf(at)) {
            if (at == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** The team and every team below it. */
    List<Long> subtree(long teamId) {
        var ids = new ArrayList<Long>();
        collect(byId.get(teamId), ids);
        return ids;
    }

    /** The top-level team {@code teamId} sits under (itself when it is a top-level team). */
    long root(long teamId) {
        var seen = new HashSet<Long>();
        long at = teamId;
        for (Long parent = parentOf(at); parent != null && seen.add(parent); parent = parentOf(at)) {
            at = parent;
        }
        return at;
    }

    List<Team> depthFirst() {
        var out = new ArrayList<Team>();
        walk(null, 0, out);
        return out;
    }

    private void walk(Long parent, int depth, List<Team> out) {
        for (var node : children.getOrDefault(parent, List.of())) {
            out.add(team(node, depth));
            walk(node.id(), depth + 1, out);
        }
    }

    private void collect(Node node, List<Long> ids) {
        if (node == null || ids.contains(node.id())) {
            return;
        }
        ids.add(node.id());
        children.getOrDefault(node.id(), List.of()).forEach(child -> collect(child, ids));
    }

    private Long parentOf(long id) {
        var node = byId.get(id);
        return node == null || node.parentId() == null || !byId.containsKey(node.parentId()) ? null : node.parentId();
    }

    private int depth(Node node) {
        int depth = 0;
        var seen = new HashSet<Long>();
        for (Long at = parentOf(node.id()); at != null && seen.add(at); at = parentOf(at)) {
            depth++;
        }
        return depth;
    }

    private Team team(Node node, int depth) {
        Optional<Long> parentId = Optional.ofNullable(parentOf(node.id()));
        return new Team(
                node.id(),
                node.name(),
                parentId.map(id -> byId.get(id).name()),
                parentId,
                depth,
                node.members(),
                children.getOrDefault(node.id(), List.of()).size());
    }
}
