package io.scoreline.gamification.contests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.ScorelineException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contests ranked by percent of goal on the real database with a fake clock. */
class PercentOfGoalContestIT {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-02");
    private static final LocalDate SUNDAY = LocalDate.parse("2026-11-08");

    private ContestFixture fixture;

    @BeforeEach
    void organization() {
        // Sunday 1 November 2026, 12:00 in Berlin; weeks start on Monday.
        fixture = new ContestFixture(
                Instant.parse("2026-11-01T11:00:00Z"), ContestSettings.defaults(), "ann", "bob", "cat");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private void goal(String person, int target) {
        fixture.transactions.inOrganization(
                fixture.organization.id(),
                tx -> tx.execute(
                        "insert into goals (organization_id, kpi_key, period_unit, subject_kind, profile_id, target, starts_on)"
                                + " values (?, 'calls_made', 'week', 'person', ?, ?, '2026-11-02')",
                        fixture.organization.id(),
                        fixture.people.get(person),
                        target));
    }

    private Contest create(LocalDate from, LocalDate to) {
        return fixture.store
                .create(
                        fixture.organization,
                        NewContest.of(
                                        "Even terms",
                                        "calls_made",
                                        from.toString(),
                                        to.toString(),
                                        false,
                                        null,
                                        "0",
                                        null)
                                .rankedBy(ContestRanking.PERCENT_OF_GOAL))
                .contest();
    }

    @Test
    void aNewRepWithASmallGoalBeatsASeniorRepWithALargeOneAndWhoeverHasNoGoalRanksLast() {
        goal("ann", 10); // new rep
        goal("bob", 100); // senior rep
        var contest = create(MONDAY, SUNDAY);
        assertThat(contest.rankBy()).isEqualTo(ContestRanking.PERCENT_OF_GOAL);

        fixture.clock.advance(Duration.ofHours(12)); // Monday 00:00 Berlin: live
        fixture.lifecycle.tick();
        fixture.calls("A1", "ann", 8, Instant.parse("2026-11-02T09:00:00Z"));
        fixture.calls("B1", "bob", 60, Instant.parse("2026-11-02T10:00:00Z"));
        fixture.calls("C1", "cat", 50, Instant.parse("2026-11-02T11:00:00Z"));
        fixture.drain();

        // 8 of 10 is 80 %, 60 of 100 is 60 %; Cat called most but has no goal for the week.
        assertThat(fixture.scores(contest.id())).containsExactly("1 ann 80", "2 bob 60", "3 cat 0");
        var entries = fixture.store.leaderboard(contest.id()).entries();
        assertThat(entries)
                .extracting(e -> e.participant() + " " + e.goalText(contest).orElseThrow() + " " + e.withoutGoal())
                .containsExactly("ann@acme.test 10 false", "bob@acme.test 100 false", "cat@acme.test none true");

        // Bob catches up in value terms far beyond Ann, but only to 90 % of his goal; Ann reaches 100 %.
        fixture.calls("B2", "bob", 30, Instant.parse("2026-11-03T10:00:00Z"));
        fixture.calls("A2", "ann", 2, Instant.parse("2026-11-03T11:00:00Z"));
        fixture.drain();
        assertThat(fixture.scores(contest.id())).containsExactly("1 ann 100", "2 bob 90", "3 cat 0");
    }

    @Test
    void theWindowMustBeExactlyOneGoalPeriod() {
        assertThatThrownBy(() -> create(MONDAY, LocalDate.parse("2026-11-10")))
                .isInstanceOf(ScorelineException.class)
                .hasMessageContaining("exactly one goal period")
                .hasMessageContaining("2026-11-02 to 2026-11-10 is not");
        // A week from Tuesday is not one of the organization's weeks; a month is.
        assertThatThrownBy(() -> create(LocalDate.parse("2026-11-03"), LocalDate.parse("2026-11-09")))
                .isInstanceOf(ScorelineException.class);
        assertThat(create(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"))
                        .rankBy())
                .isEqualTo(ContestRanking.PERCENT_OF_GOAL);
    }
}
