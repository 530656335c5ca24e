package io.scoreline.gamification.badges;

import io.scoreline.failure.ScorelineException;
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

    /** One page of awards and, when more follow, where the next starts. */
    public record AwardPage(List<AwardView> awards, Optional<AwardCursor> next) {
        public AwardPage {
            awards = List.copyOf(awards);
        }
    }

    /** At most {@code limit} awards of the organization {@code organizationId}, newest first, after {@code after}. */
    public AwardPage page(long organizationId, AwardFilter filter, Optional<AwardCursor> after, int limit) {
        // One more than asked tells whether another page follows.
        var found = awards.page(organizationId, filter, after, limit + 1);
        if (found.size() <= limit) {
            return new AwardPage(found, Optional.empty());
        }
        var page = found.subList(0, limit);
        return new AwardPage(page, Optional.of(AwardCursor.after(page.getLast())));
    }

    /** @throws io.scoreline.failure.ScorelineException not found when the organization has no such award */
    public AwardView get(long organizationId, long awardId) {
        return awards.get(organizationId, awardId)
                .orElseThrow(() -> ScorelineException.notFound("no badge award with id " + awardId));
    }

    /** @throws io.scoreline.failure.ScorelineException not found when there is no such organization */
    public Awards list(String organizationSlug, Optional<String> profileEmail) {
        var organization = organizations.require(organizationSlug);
        return new Awards(organization, awards.list(organization.id(), profileEmail));
    }
}
