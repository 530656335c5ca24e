package io.scoreline.app.demo;

import io.scoreline.gamification.contests.ContestLifecycle;
import io.scoreline.gamification.contests.ContestStore;
import io.scoreline.gamification.contests.Leaderboard;
import io.scoreline.gamification.contests.NewContest;
import io.scoreline.pipeline.tenancy.Organization;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The demo's running contest: a four-week connect sprint that started two weeks ago, for every rep.
 * It is created through the same store as {@code contest create} and moved live by the same
 * lifecycle step as the ticker, which scores the whole board from the backfilled KPI values.
 */
final class DemoContest {

    static final String NAME = "Connect sprint";
    static final String KPI = "call_connects";
    private static final int DAYS_BEFORE = 13;
    private static final int DAYS_AFTER = 14;

    private final ContestStore contests;
    private final ContestLifecycle lifecycle;
    private final Clock clock;

    DemoContest(ContestStore contests, ContestLifecycle lifecycle, Clock clock) {
        this.contests = contests;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Creates the contest for these people, moves it live (scoring the whole board) and returns its leaderboard. */
    Leaderboard start(Organization organization, List<String> participants) {
        var today = LocalDate.now(clock.withZone(organization.timezone()));
        var created = contests.create(
                organization,
                new NewContest(
                        NAME,
                        KPI,
                        today.minusDays(DAYS_BEFORE),
                        today.plusDays(DAYS_AFTER),
                        false,
                        Optional.empty(),
                        Duration.ofHours(24),
                        participants));
        lifecycle.tick();
        return contests.leaderboard(created.contest().id());
    }
}
