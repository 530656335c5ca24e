package io.scoreline.gamification.badges;

import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** The badges an organization's people were awarded, newest first. */
@Singleton
public final class BadgeAwards {

    private final OrganizationStore organizations;
    private final AwardReader awards;

    @Inject
    public BadgeAwards(OrganizationStore organizations, AwardReader awards) {
        this.organizations = organizations;
        this.awards = awards;
    }

    /** The organization and its awards. */
    public record Awards(Organization organization, List<AwardView> awards) {
        public Awards {
            awards = List.copyOf(awards);
        }
    }

    /** @throws io.scoreline.failure.ScorelineException not found when there is no such organization */
    public Awards list(String organizationSlug, Optional<String> profileEmail) {
        var organization = organizations.require(organizationSlug);
        return new Awards(organization, awards.list(organization.id(), profileEmail));
    }
}
