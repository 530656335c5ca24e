package io.scoreline.pipeline.people;

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
        var teamName = PrintableName.of("team name", name);
        return new TeamResult(organization, teams.create(organization, teamName, parent.map(String::strip)));
    }

    public TeamResult rename(String organizationSlug, String name, String newName) {
        var organization = organizations.require(organizationSlug);
        return new TeamResult(
                organization, teams.rename(organization, name.strip(), PrintableName.of("new team name", newName)));
    }

    /** @param parent the new parent; empty makes it a top-level team */
    public TeamResult move(String organizationSlug, String name, Optional<String> parent) {
        var organization = organizations.require(organizationSlug);
        return new TeamResult(organization, teams.move(organization, name.strip(), parent.map(String::strip)));
    }

    public TeamList list(String organizationSlug) {
        var organization = organizations.require(organizationSlug);
        return new TeamList(organization, teams.list(organization));
    }

    /** Deletes a team with no people and no sub-teams; anything else is refused with what is left in it. */
    public TeamResult delete(String organizationSlug, String name) {
        var organization = organizations.require(organizationSlug);
        return new TeamResult(organization, teams.delete(organization, name.strip()));
    }

    /**
     * Puts people into a top-level team of that name, created if missing (the demo's one team per
     * CRM). @return the people who were not in it before
     */
    public int ensureWithMembers(Organization organization, String name, Collection<Long> profileIds) {
        long team = teams.ensure(organization.id(), PrintableName.of("team name", name));
        return teams.assign(organization.id(), team, profileIds);
    }
}
