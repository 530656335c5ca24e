package io.scoreline.pipeline.people;

import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.Organization;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * An organization's teams: a tree by {@code parent_id}, names unique in the organization. Every
 * change to the tree takes the organization's people lock first ({@link PeopleLock}), so that two
 * moves at once cannot close a cycle that neither saw.
 */
public final class TeamStore {

    /** How an audit summary says "no parent" (its values cannot be null). */
    static final String NONE = "(none)";

    private final TenantTransactions transactions;

    public TeamStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** @param name already checked ({@link PrintableName}) */
    public Team create(Organization organization, String name, Optional<TeamRef> parent, Actor actor) {
        return transactions.inOrganization(organization.id(), tx -> {
            PeopleLock.take(tx, organization.id());
            var tree = TeamTree.load(tx, organization.id());
            tree.requireFree(organization, name);
            Long parentId = parent.map(p -> tree.require(organization, p, PeopleRefusal.Part.PARENT)
                            .id())
                    .orElse(null);
            long id = tx.insertInto(TEAMS)
                    .set(TEAMS.ORGANIZATION_ID, organization.id())
                    .set(TEAMS.NAME, name)
                    .set(TEAMS.PARENT_ID, parentId)
                    .returning(TEAMS.ID)
                    .fetchSingle(TEAMS.ID);
            var created = TeamTree.load(tx, organization.id())
                    .require(organization, new TeamRef.Id(id), PeopleRefusal.Part.SUBJECT);
            audit(tx, organization, actor, "team.create", created, Map.of("name", name, "parent", parentName(created)));
            return created;
        });
    }

    /** Renames and/or moves a team (with its people and sub-teams); a move never closes a cycle. */
    public Team update(Organization organization, TeamRef ref, TeamChange change, Actor actor) {
        return transactions.inOrganization(organization.id(), tx -> {
            PeopleLock.take(tx, organization.id());
            var tree = TeamTree.load(tx, organization.id());
            var team = tree.require(organization, ref, PeopleRefusal.Part.SUBJECT);
            var values = new LinkedHashMap<org.jooq.Field<?>, Object>();
            var summary = new LinkedHashMap<String, Object>();
            if (change.name().isPresent()) {
                var newName = change.name().get();
                if (!newName.equals(team.name())) {
                    tree.requireFree(organization, newName);
                }
                values.put(TEAMS.NAME, newName);
                summary.put("name", newName);
            }
            if (change.parent().isPresent()) {
                values.put(
                        TEAMS.PARENT_ID,
                        parentId(organization, tree, team, change.parent().get()));
            }
            tx.update(TEAMS).set(values).where(TEAMS.ID.eq(team.id())).execute();
            var updated = TeamTree.load(tx, organization.id())
                    .require(organization, new TeamRef.Id(team.id()), PeopleRefusal.Part.SUBJECT);
            if (change.parent().isPresent()) {
                summary.put("parent", parentName(updated));
            }
            audit(tx, organization, actor, "team.update", updated, summary);
            return updated;
        });
    }

    /** The new parent's id (null: top level), refused when it is the team itself or inside it. */
    private static Long parentId(Organization organization, TeamTree tree, Team team, Assignment<TeamRef> parent) {
        return switch (parent) {
            case Assignment.None<TeamRef> none -> null;
            case Assignment.To<TeamRef> to -> {
                var newParent = tree.require(organization, to.target(), PeopleRefusal.Part.PARENT);
                if (tree.isWithin(newParent.id(), team.id())) {
                    throw PeopleRefusal.badInput(
                            PeopleRefusal.Part.PARENT,
                            "cannot move team '" + team.name() + "' under '" + newParent.name() + "': "
                                    + (newParent.id() == team.id()
                                            ? "a team cannot be its own parent"
                                            : "'" + newParent.name() + "' is inside '" + team.name() + "'"));
                }
                yield newParent.id();
            }
        };
    }

    /** Every team, depth first: each team followed by its sub-teams, siblings by name. */
    public List<Team> list(Organization organization) {
        return transactions.inOrganization(
                organization.id(), tx -> TeamTree.load(tx, organization.id()).depthFirst());
    }

    /**
     * Deletes an empty team: no people in it and no sub-teams. A team that is not empty is a
     * conflict with what exists (409 through the API), and the refusal says what is left in it.
     */
    public Team delete(Organization organization, TeamRef ref, Actor actor) {
        return transactions.inOrganization(organization.id(), tx -> {
            PeopleLock.take(tx, organization.id());
            var team = TeamTree.load(tx, organization.id()).require(organization, ref, PeopleRefusal.Part.SUBJECT);
            if (team.members() > 0 || team.subTeams() > 0) {
                var what = new ArrayList<String>();
                if (team.members() > 0) {
                    what.add(team.members() + (team.members() == 1 ? " person" : " people"));
                }
                if (team.subTeams() > 0) {
                    what.add(team.subTeams() + (team.subTeams() == 1 ? " sub-team" : " sub-teams"));
                }
                throw PeopleRefusal.conflict(
                        PeopleRefusal.Part.SUBJECT,
                        "team '" + team.name() + "' is not empty (" + String.join(" and ", what)
                                + "): move them out first with `scoreline profile update --team` and `scoreline team move`");
            }
            tx.deleteFrom(TEAMS).where(TEAMS.ID.eq(team.id())).execute();
            audit(tx, organization, actor, "team.delete", team, Map.of("name", team.name()));
            return team;
        });
    }

    private static String parentName(Team team) {
        return team.parent().orElse(NONE);
    }

    private static void audit(
            DSLContext tx,
            Organization organization,
            Actor actor,
            String action,
            Team team,
            Map<String, Object> changes) {
        AuditLog.append(tx, organization.id(), new AuditEntry(actor, action, "team:" + team.id(), changes));
    }

    /** The id of the team called {@code name}, created at the top level if it does not exist yet. */
    public long ensure(long organizationId, String name) {
        return transactions.inOrganization(organizationId, tx -> ensure(tx, organizationId, name));
    }

    static long ensure(DSLContext tx, long organizationId, String name) {
        tx.insertInto(TEAMS)
                .set(TEAMS.ORGANIZATION_ID, organizationId)
                .set(TEAMS.NAME, name)
                .onConflict(TEAMS.ORGANIZATION_ID, TEAMS.NAME)
                .doNothing()
                .execute();
        return tx.select(TEAMS.ID)
                .from(TEAMS)
                .where(TEAMS.ORGANIZATION_ID.eq(organizationId))
                .and(TEAMS.NAME.eq(name))
                .fetchSingle(TEAMS.ID);
    }

    /** Puts the profiles into the team (each profile is in at most one team). @return profiles moved */
    public int assign(long organizationId, long teamId, Collection<Long> profileIds) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.update(PROFILES)
                        .set(PROFILES.TEAM_ID, teamId)
                        .where(PROFILES.ORGANIZATION_ID.eq(organizationId))
                        .and(PROFILES.ID.in(profileIds))
                        .and(PROFILES.TEAM_ID.isDistinctFrom(teamId))
                        .execute());
    }

    /** Ids of the team and every team below it. */
    static List<Long> subtree(DSLContext tx, long organizationId, long teamId) {
        return TeamTree.load(tx, organizationId).subtree(teamId);
    }

    static int count(DSLContext tx, long organizationId) {
        return tx.fetchCount(DSL.selectFrom(TEAMS).where(TEAMS.ORGANIZATION_ID.eq(organizationId)));
    }
}
