package io.scoreline.gamification.contests;

import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * An organization's contests: created ({@code serve} takes each live on its first day), listed
 * latest first, shown, and cancelled (ADR 0041).
 */
@Singleton
public final class ContestSetup {

    private final OrganizationStore organizations;
    private final ContestStore contests;
    private final Clock clock;

    @Inject
    public ContestSetup(OrganizationStore organizations, ContestStore contests, Clock clock) {
        this.organizations = organizations;
        this.contests = contests;
        this.clock = clock;
    }

    /** The organization and its contests. */
    public record Contests(Organization organization, List<ContestSummary> contests) {
        public Contests {
            contests = List.copyOf(contests);
        }
    }

    /** One page of contests and, when more follow, where the next starts. */
    public record ContestPage(List<ContestSummary> contests, Optional<ContestCursor> next) {
        public ContestPage {
            contests = List.copyOf(contests);
        }
    }

    /** @throws io.scoreline.failure.ScorelineException not found when there is no such organization */
    public ContestSummary create(String organizationSlug, NewContest request) {
        return contests.create(organizations.require(organizationSlug), request, Actor.OPERATOR);
    }

    /** Creates it in the organization {@code organizationId} for {@code actor}, with an audit row. */
    public ContestSummary create(long organizationId, NewContest request, Actor actor) {
        return contests.create(organizations.get(organizationId), request, actor);
    }

    /** @throws io.scoreline.failure.ScorelineException not found when there is no such organization */
    public Contests list(String organizationSlug) {
        var organization = organizations.require(organizationSlug);
        return new Contests(organization, contests.list(organization.id()));
    }

    /** At most {@code limit} contests, in the order of {@link #list(String)}, after {@code after}. */
    public ContestPage page(long organizationId, Optional<ContestCursor> after, int limit) {
        // One more than asked tells whether another page follows.
        var found = contests.page(organizationId, after, limit + 1);
        if (found.size() <= limit) {
            return new ContestPage(found, Optional.empty());
        }
        var page = found.subList(0, limit);
        return new ContestPage(
                page, Optional.of(ContestCursor.after(page.getLast().contest())));
    }

    /** @throws io.scoreline.failure.ScorelineException not found when the organization has no such contest */
    public ContestSummary show(long organizationId, long contestId) {
        return contests.get(organizationId, contestId);
    }

    /**
     * Ends a contest that has not ended: it stops scoring and notifying, and no placement badges are
     * awarded. The contest's own organization is looked up first, so an API request of another
     * organization is refused by its confinement (ADR 0038).
     *
     * @throws io.scoreline.failure.ScorelineException not found without such a contest; a conflict
     *     when it is final
     */
    public ContestSummary cancel(long contestId, Actor actor) {
        return contests.cancel(contests.organizationOf(contestId), contestId, clock.instant(), actor);
    }

    /**
     * Stops the series the contest belongs to and cancels its contests that have not ended (ADR 0045).
     *
     * @throws io.scoreline.failure.ScorelineException not found without such a contest; bad input
     *     when it is in no series
     */
    public ContestSummary cancelSeries(long contestId, Actor actor) {
        return contests.cancelSeries(contests.organizationOf(contestId), contestId, clock.instant(), actor);
    }

    /**
     * Makes a hidden contest visible, without announcing what happened while it was hidden.
     *
     * @throws io.scoreline.failure.ScorelineException not found without such a contest
     */
    public ContestSummary reveal(long contestId, Actor actor) {
        return contests.reveal(contests.organizationOf(contestId), contestId, actor);
    }
}
