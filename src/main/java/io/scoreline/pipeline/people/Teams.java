package io.scoreline.pipeline.people;

import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * An organization's teams (ADR 0029, ADR 0037): created, renamed, moved under another team, listed
 * as a tree and deleted when empty. Names are checked here, the tree in {@link TeamStore} under the
 * organization's people lock.
 */
@Singleton
public final class Teams {

    private final OrganizationStore organizations;
    private final TeamStore teams;

    @Inject
    public Teams(OrganizationStore organizations, TeamStore teams) {
        this.organizations = organizations;
        this.teams = teams;
    }

    /** The organization and its teams, depth first (each team followed by its sub-teams). */
    public record TeamList(Organization organization, List<Team> teams) {
        public TeamList {
            teams = List.copyOf(teams);
        }
    }

    /** A team after a change, with its organization. */
    public record TeamResult(Organization organization, Team team) {}

    /** @param parent the team to create it under; empty for a top-level team */
    public TeamResult create(String organizationSlug, String name, Optional<String> parent) {
        var organization = organizations.require(organizationSlug);
        var teamName = name(name);
        return new TeamResult(
                organization, teams.create(organization, teamName, parent.map(TeamRef.Named::new), Actor.OPERATOR));
    }

    /** The same for the organization with that id (the API), on behalf of {@code actor}. */
    public TeamResult create(long organizationId, String name, Optional<Long> parentId, Actor actor) {
        var organization = organizations.get(organizationId);
        var teamName = name(name);
        return new TeamResult(organization, teams.create(organization, teamName, parentId.map(TeamRef.Id::new), actor));
    }

    public TeamResult rename(String organizationSlug, String name, String newName) {
        var organization = organizations.require(organizationSlug);
        var change = new TeamChange(Optional.of(newName), Optional.empty());
        return new TeamResult(
                organization, teams.update(organization, new TeamRef.Named(name), change, Actor.OPERATOR));
    }

    /** @param parent the new parent; empty makes it a top-level team */
    public TeamResult move(String organizationSlug, String name, Optional<String> parent) {
        var organization = organizations.require(organizationSlug);
        var change = new TeamChange(
                Optional.empty(),
                Optional.of(parent.<Assignment<TeamRef>>map(p -> Assignment.to(new TeamRef.Named(p)))
                        .orElse(Assignment.none())));
        return new TeamResult(
                organization, teams.update(organization, new TeamRef.Named(name), change, Actor.OPERATOR));
    }

    /** Renames and/or moves the team with that id in the organization with that id (the API). */
    public TeamResult update(long organizationId, long teamId, TeamChange change, Actor actor) {
        var organization = organizations.get(organizationId);
        return new TeamResult(organization, teams.update(organization, new TeamRef.Id(teamId), change, actor));
    }

    public TeamList list(String organizationSlug) {
        var organization = organizations.require(organizationSlug);
        return new TeamList(organization, teams.list(organization));
    }

    public TeamList list(long organizationId) {
        var organization = organizations.get(organizationId);
        return new TeamList(organization, teams.list(organization));
    }

    /** Deletes a team with no people and no sub-teams; anything else is refused with what is left in it. */
    public TeamResult delete(String organizationSlug, String name) {
        var organization = organizations.require(organizationSlug);
        return new TeamResult(organization, teams.delete(organization, new TeamRef.Named(name), Actor.OPERATOR));
    }

    public TeamResult delete(long organizationId, long teamId, Actor actor) {
        var organization = organizations.get(organizationId);
        return new TeamResult(organization, teams.delete(organization, new TeamRef.Id(teamId), actor));
    }

    /** A team name as stored, or a refusal saying what is wrong with it (the CLI's and the API's check). */
    public static String name(String name) {
        return PrintableName.of("team name", name);
    }

    /**
     * Puts people into a top-level team of that name, created if missing (the demo's one team per
     * CRM). @return the people who were not in it before
     */
    public int ensureWithMembers(Organization organization, String name, Collection<Long> profileIds) {
        long team = teams.ensure(organization.id(), name(name));
        return teams.assign(organization.id(), team, profileIds);
    }
}
