package io.scoreline.app.demo;

import io.scoreline.gamification.contests.ContestLifecycle;
import io.scoreline.gamification.contests.ContestStore;
import io.scoreline.gamification.contests.NewContest;
import io.scoreline.pipeline.tenancy.Organization;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The demo's running contests, both four weeks long, started two weeks ago, for every rep: a
 * connect sprint on one KPI, and one on the scorecard {@link DemoTenant#SCORECARD_KPI} (points
 * over calls, meetings and revenue). They are created through the same store as {@code contest
 * create} and moved live by the same lifecycle step as the ticker, which scores each whole board
 * from the backfilled KPI values.
 */
final class DemoContest {

    static final String NAME = "Connect sprint";
    static final String KPI = "call_connects";
    static final String SCORECARD_NAME = "Activity points";
    private static final int DAYS_BEFORE = 13;
    private static final int DAYS_AFTER = 14;

    /** The contests' ids: the connect sprint is created first, so it stays contest #1 of a fresh demo. */
    record Started(long connectSprint, long scorecard) {}

    private final ContestStore contests;
    private final ContestLifecycle lifecycle;
    private final Clock clock;

    DemoContest(ContestStore contests, ContestLifecycle lifecycle, Clock clock) {
        this.contests = contests;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** Creates both contests for these people and moves them live (scoring the whole boards). */
    Started start(Organization organization, List<String> participants) {
        long sprint = create(organization, NAME, KPI, participants);
        long scorecard = create(organization, SCORECARD_NAME, DemoTenant.SCORECARD_KPI, participants);
        lifecycle.tick();
        return new Started(sprint, scorecard);
    }

    private long create(Organization organization, String name, String kpi, List<String> participants) {
        var today = LocalDate.now(clock.withZone(organization.timezone()));
        return contests.create(
                        organization,
                        new NewContest(
                                name,
                                kpi,
                                today.minusDays(DAYS_BEFORE),
                                today.plusDays(DAYS_AFTER),
                                false,
                                Optional.empty(),
                                Duration.ofHours(24),
                                participants))
                .contest()
                .id();
    }
}
