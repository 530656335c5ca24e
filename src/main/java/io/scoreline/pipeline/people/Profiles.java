package io.scoreline.pipeline.people;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * An organization's people (ADR 0029, ADR 0037): listed with filters, created, and updated by
 * e-mail (team, manager, role, active flag, display name). Managers are profiles of the same
 * organization and never form a cycle.
 */
@Singleton
public final class Profiles {

    private final OrganizationStore organizations;
    private final ProfileStore profiles;

    @Inject
    public Profiles(OrganizationStore organizations, ProfileStore profiles) {
        this.organizations = organizations;
        this.profiles = profiles;
    }

    public record ProfileList(Organization organization, List<Profile> profiles) {
        public ProfileList {
            profiles = List.copyOf(profiles);
        }
    }

    public record ProfileResult(Organization organization, Profile profile) {}

    public ProfileList list(String organizationSlug, ProfileFilter filter) {
        var organization = organizations.require(organizationSlug);
        return new ProfileList(organization, profiles.list(organization, filter));
    }

    public ProfileResult create(String organizationSlug, NewProfile request) {
        var organization = organizations.require(organizationSlug);
        return new ProfileResult(organization, profiles.create(organization, request));
    }

    public ProfileResult update(String organizationSlug, String email, ProfileChange change) {
        if (change.isEmpty()) {
            throw ScorelineException.badInput(
                    "nothing to change: give --team, --manager, --role, --active or --display-name");
        }
        var organization = organizations.require(organizationSlug);
        return new ProfileResult(organization, profiles.update(organization, email, change));
    }
}
