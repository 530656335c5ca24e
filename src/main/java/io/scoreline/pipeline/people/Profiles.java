package io.scoreline.pipeline.people;

import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * An organization's people (ADR 0029, ADR 0037): listed with filters, created, and updated (team,
 * manager, role, active flag, display name). Managers are profiles of the same organization and
 * never form a cycle. The CLI names the organization by slug and people by e-mail, the API both
 * by id; either way one store method does the work, with its audit row.
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

    /** One page of profiles by e-mail and, when more follow, where the next page starts. */
    public record ProfilePage(List<Profile> profiles, Optional<ProfileCursor> next) {
        public ProfilePage {
            profiles = List.copyOf(profiles);
        }
    }

    public record ProfileResult(Organization organization, Profile profile) {}

    public ProfileList list(String organizationSlug, ProfileFilter filter) {
        var organization = organizations.require(organizationSlug);
        return new ProfileList(organization, profiles.list(organization, filter));
    }

    /** @param limit at least 1 */
    public ProfilePage page(long organizationId, ProfileFilter filter, Optional<ProfileCursor> after, int limit) {
        var organization = organizations.get(organizationId);
        var found = profiles.page(organization, filter, after.map(ProfileCursor::afterEmail), limit + 1);
        if (found.size() <= limit) {
            return new ProfilePage(found, Optional.empty());
        }
        var shown = found.subList(0, limit);
        return new ProfilePage(
                shown, Optional.of(new ProfileCursor(shown.getLast().email())));
    }

    public ProfileResult get(long organizationId, long profileId) {
        var organization = organizations.get(organizationId);
        return new ProfileResult(organization, profiles.get(organization, new ProfileRef.Id(profileId)));
    }

    public ProfileResult create(String organizationSlug, NewProfile request) {
        var organization = organizations.require(organizationSlug);
        return new ProfileResult(organization, profiles.create(organization, request, Actor.OPERATOR));
    }

    public ProfileResult create(long organizationId, NewProfile request, Actor actor) {
        var organization = organizations.get(organizationId);
        return new ProfileResult(organization, profiles.create(organization, request, actor));
    }

    public ProfileResult update(String organizationSlug, String email, ProfileChange change) {
        var organization = organizations.require(organizationSlug);
        return new ProfileResult(
                organization, profiles.update(organization, new ProfileRef.Email(email), change, Actor.OPERATOR));
    }

    public ProfileResult update(long organizationId, long profileId, ProfileChange change, Actor actor) {
        var organization = organizations.get(organizationId);
        return new ProfileResult(
                organization, profiles.update(organization, new ProfileRef.Id(profileId), change, actor));
    }
}
