package io.scoreline.pipeline.people;

import static io.scoreline.pipeline.db.Tables.PROFILES;
import static io.scoreline.pipeline.db.Tables.TEAMS;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.Organization;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * An organization's teams: a tree by {@code parent_id}, names unique in the organization. Every
 * change to the tree takes the organization's people lock first ({@link PeopleLock}), so that two
 * moves at once cannot close a cycle that neither saw.
 */
public final class TeamStore {

    private final TenantTransactions transactions;

    public TeamStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public Team create(Organization organization, String name, Optional<String> parent) {
        return transactions.inOrganization(organization.id(), tx -> {
            PeopleLock.take(tx, organization.id());
            var tree = TeamTree.load(tx, organization.id());
            tree.requireFree(organization, name);
            Long parentId = parent.map(p -> tree.require(organization, p).id()).orElse(null);
            tx.insertInto(TEAMS)
                    .set(TEAMS.ORGANIZATION_ID, organization.id())
                    .set(TEAMS.NAME, name)
                    .set(TEAMS.PARENT_ID, parentId)
                    .execute();
            return TeamTree.load(tx, organization.id()).require(organization, name);
        });
    }

    public Team rename(Organization organization, String name, String newName) {
        return transactions.inOrganization(organization.id(), tx -> {
            PeopleLock.take(tx, organization.id());
            var tree = TeamTree.load(tx, organization.id());
            var team = tree.require(organization, name);
            if (!newName.equals(team.name())) {
                tree.requireFree(organization, newName);
            }
            tx.update(TEAMS)
                    .set(TEAMS.NAME, newName)
                    .where(TEAMS.ID.eq(team.id()))
                    .execute();
            return TeamTree.load(tx, organization.id()).require(organization, newName);
        });
    }

    /** @param parent the new parent; empty makes the team a top-level team */
    public Team move(Organization organization, String name, Optional<String> parent) {
        return transactions.inOrganization(organization.id(), tx -> {
            PeopleLock.take(tx, organization.id());
            var tree = TeamTree.load(tx, organization.id());
            var team = tree.require(organization, name);
            Long parentId = null;
            if (parent.isPresent()) {
                var newParent = tree.require(organization, parent.get());
                if (tree.isWithin(newParent.id(), team.id())) {
                    throw ScorelineException.badInput("cannot move team '" + team.name() + "' under '"
                            + newParent.name() + "': "
                            + (newParent.id() == team.id()
                                    ? "a team cannot be its own parent"
                                    : "'" + newParent.name() + "' is inside '" + team.name() + "'"));
                }
                parentId = newParent.id();
            }
            tx.update(TEAMS)
                    .set(TEAMS.PARENT_ID, parentId)
                    .where(TEAMS.ID.eq(team.id()))
                    .execute();
            return TeamTree.load(tx, organization.id()).require(organization, name);
        });
    }

    /** Every team, depth first: each team followed by its sub-teams, siblings by name. */
    public List<Team> list(Organization organization) {
        return transactions.inOrganization(
                organization.id(), tx -> TeamTree.load(tx, organization.id()).depthFirst());
    }

    /** Deletes an empty team: no people in it and no sub-teams. */
    public Team delete(Organization organization, String name) {
        return transactions.inOrganization(organization.id(), tx -> {
            PeopleLock.take(tx, organization.id());
            var team = TeamTree.load(tx, organization.id()).require(organization, name);
            if (team.members() > 0 || team.subTeams() > 0) {
                var what = new ArrayList<String>();
                if (team.members() > 0) {
                    what.add(team.members() + (team.members() == 1 ? " person" : " people"));
                }
                if (team.subTeams() > 0) {
                    what.add(team.subTeams() + (team.subTeams() == 1 ? " sub-team" : " sub-teams"));
                }
                throw ScorelineException.badInput(
                        "team '" + team.name() + "' is not empty (" + String.join(" and ", what)
                                + "): move them out first with `scoreline profile update --team` and `scoreline team move`");
            }
            tx.deleteFrom(TEAMS).where(TEAMS.ID.eq(team.id())).execute();
            return team;
        });
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
