package io.scoreline.gamification.contests;

import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;

/** An organization's contests: created ({@code serve} takes each live on its first day) and listed, latest first. */
@Singleton
public final class ContestSetup {

    private final OrganizationStore organizations;
    private final ContestStore contests;

    @Inject
    public ContestSetup(OrganizationStore organizations, ContestStore contests) {
        this.organizations = organizations;
        this.contests = contests;
    }

    /** The organization and its contests. */
    public record Contests(Organization organization, List<ContestSummary> contests) {
        public Contests {
            contests = List.copyOf(contests);
        }
    }

    /** @throws io.scoreline.failure.ScorelineException not found when there is no such organization */
    public ContestSummary create(String organizationSlug, NewContest request) {
        return contests.create(organizations.require(organizationSlug), request);
    }

    /** @throws io.scoreline.failure.ScorelineException not found when there is no such organization */
    public Contests list(String organizationSlug) {
        var organization = organizations.require(organizationSlug);
        return new Contests(organization, contests.list(organization.id()));
    }
}
