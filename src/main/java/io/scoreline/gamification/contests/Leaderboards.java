package io.scoreline.gamification.contests;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * A contest's leaderboard as it stands. The contest id alone names it: the organization is looked
 * up here, across tenants, before the board is read inside that organization.
 */
@Singleton
public final class Leaderboards {

    private final ContestStore contests;

    @Inject
    public Leaderboards(ContestStore contests) {
        this.contests = contests;
    }

    /** @throws io.scoreline.failure.ScorelineException not found when there is no such contest */
    public Leaderboard show(long contestId) {
        return contests.leaderboard(contests.organizationOf(contestId), contestId);
    }

    /**
     * The board of a contest of {@code organizationId}, in one transaction of that organization
     * (the API's hot read: no directory look-up first); another organization's contest is not found.
     */
    public Leaderboard show(long organizationId, long contestId) {
        return contests.leaderboard(organizationId, contestId);
    }
}
