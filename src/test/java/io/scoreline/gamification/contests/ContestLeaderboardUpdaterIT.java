package io.scoreline.gamification.contests;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.pipeline.facts.ChangeOrigin;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leaderboards kept up to date from KPI changes written through the real page writer, on the real
 * database, with a fake clock: ranks, ties, teams, targets, rank notifications and their coalescing,
 * backfill silence and replays.
 */
class ContestLeaderboardUpdaterIT {

    private static final LocalDate FROM = LocalDate.parse("2026-11-02");
    private static final LocalDate TO = LocalDate.parse("2026-11-08");
    /** Monday 2 November 2026, 10:00 in Berlin. */
    private static final Instant MONDAY = Instant.parse("2026-11-02T09:00:00Z");

    private ContestFixture fixture;

    @BeforeEach
    void organization() {
        fixture = new ContestFixture(MONDAY, ContestSettings.defaults(), "ann", "bob", "cat", "dan", "eve");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private Contest liveContest(boolean teams, String target) {
        var contest = fixture.create("November sprint", FROM, TO, teams, target, null);
        assertThat(fixture.lifecycle.tick()).isEqualTo(1);
        assertThat(fixture.status(contest.id())).isEqualTo(ContestStatus.LIVE);
        return contest;
    }

    private static Instant at(String localTime) {
        return LocalDate.parse(localTime.substring(0, 10))
                .atTime(java.time.LocalTime.parse(localTime.substring(11)))
                .atZone(ContestFixture.BERLIN)
                .toInstant();
    }

    @Test
    void incrementalBoardEqualsAFullRecomputation() {
        var contest = liveContest(false, null);
        var random = new Random(42);
        var names = List.copyOf(fixture.people.keySet());
        var records = new ArrayList<String>();
        for (int batch = 0; batch < 12; batch++) {
            for (int i = 0; i < 6; i++) {
                int choice = random.nextInt(10);
                if (choice < 2 && !records.isEmpty()) {
                    fixture.delete(records.remove(random.nextInt(records.size())));
                } else if (choice < 4 && !records.isEmpty()) {
                    // an edit: same record, new owner, new count, maybe moved out of the window
                    var id = records.get(random.nextInt(records.size()));
                    fixture.calls(
                            id,
                            names.get(random.nextInt(names.size())),
                            1 + random.nextInt(5),
                            MONDAY.plus(Duration.ofHours(random.nextInt(24 * 9) - 24)));
                } else {
                    var id = "T" + batch + "-" + i;
                    records.add(id);
                    fixture.calls(
                            id,
                            names.get(random.nextInt(names.size())),
                            1 + random.nextInt(5),
                            MONDAY.plus(Duration.ofHours(random.nextInt(24 * 9) - 24)));
                }
            }
            fixture.clock.advance(Duration.ofMinutes(3));
            fixture.drain();
        }
        var incremental = fixture.board(contest.id());

        fixture.transactions.inOrganization(fixture.organization.id(), tx -> {
            tx.execute("update contest_leaderboards set score = 0, reached_at = null, rank = null");
            ContestScorer.rescoreAll(tx, contest, ContestFixture.BERLIN, fixture.clock.instant());
            return null;
        });

        assertThat(fixture.board(contest.id())).isEqualTo(incremental);
        // And both equal the sums straight from kpi_values over the window.
        var expected = fixture.transactions.inOrganization(
                fixture.organization.id(),
                tx -> tx.fetch(
                                "select p.email, coalesce(sum(v.value), 0) from profiles p left join kpi_values v on v.profile_id = p.id "
                                        + "and v.kpi_key = 'calls_made' and v.period_date between ? and ? group by p.email",
                                FROM,
                                TO)
                        .map(r -> r.get(0, String.class).replace("@acme.test", "") + " "
                                + r.get(1, java.math.BigDecimal.class)
                                        .stripTrailingZeros()
                                        .toPlainString()));
        assertThat(incremental.stream()
                        .map(line -> line.split(" ")[1] + " " + line.split(" ")[2])
                        .toList())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void equalScoresRankWhoeverReachedThemFirst() {
        var contest = liveContest(false, null);
        fixture.calls("T1", "ann", 2, at("2026-11-03T09:00"));
        fixture.drain();
        // Bob's calls happened earlier but his CRM synced later: he still reached 2 first.
        fixture.calls("T2", "bob", 2, at("2026-11-03T08:00"));
        fixture.drain();

        assertThat(fixture.board(contest.id()))
                .startsWith("1 bob 2 2026-11-03T07:00:00Z", "2 ann 2 2026-11-03T08:00:00Z");

        fixture.calls("T3", "ann", 1, at("2026-11-03T11:00"));
        fixture.drain();
        assertThat(fixture.board(contest.id()))
                .startsWith("1 ann 3 2026-11-03T10:00:00Z", "2 bob 2 2026-11-03T07:00:00Z");
    }

    @Test
    void teamContestsRankTeamsByTheirMembersSum() {
        fixture.team("Red", "ann", "bob");
        fixture.team("Blue", "cat");
        var contest = liveContest(true, null);
        fixture.calls("T1", "cat", 3, at("2026-11-03T09:00"));
        fixture.drain();
        fixture.calls("T2", "ann", 2, at("2026-11-03T10:00"));
        fixture.calls("T3", "bob", 2, at("2026-11-03T10:30"));
        // Dan is in no team: his calls count for nobody.
        fixture.calls("T4", "dan", 9, at("2026-11-03T10:30"));
        fixture.drain();

        assertThat(fixture.board(contest.id()))
                .containsExactly("1 Red 4 2026-11-03T09:30:00Z", "2 Blue 3 2026-11-03T08:00:00Z");
        // Blue led first; then Red took the lead, and each member of Red heard it.
        assertThat(fixture.notices()).containsExactly("took_lead cat", "took_lead ann", "took_lead bob");
    }

    @Test
    void targetReachedIsSentOnceWhenTheScoreCrossesIt() {
        var contest = liveContest(false, "5");
        fixture.calls("T1", "ann", 4, at("2026-11-03T09:00"));
        fixture.drain();
        assertThat(fixture.notices()).doesNotContain("target_reached ann");

        fixture.calls("T2", "ann", 1, at("2026-11-03T10:00"));
        fixture.drain();
        assertThat(fixture.notices()).containsOnlyOnce("target_reached ann");

        // A correction takes her back under the target and a new call over it again: no second notice.
        fixture.delete("T2");
        fixture.drain();
        fixture.calls("T3", "ann", 2, at("2026-11-03T11:00"));
        fixture.drain();
        assertThat(fixture.notices().stream().filter(n -> n.startsWith("target_reached")))
                .containsExactly("target_reached ann");
        assertThat(fixture.board(contest.id()).getFirst()).startsWith("1 ann 6 ");
    }

    @Test
    void rankNotificationsAreCoalescedPerPersonAndContest() {
        liveContest(false, null);
        fixture.calls("A1", "ann", 1, at("2026-11-03T09:00"));
        fixture.drain();
        fixture.clock.advance(Duration.ofMinutes(1));
        fixture.calls("B1", "bob", 2, at("2026-11-03T09:01"));
        fixture.drain();
        assertThat(fixture.notices()).containsExactly("took_lead ann", "took_lead bob");

        // Five minutes later Ann retakes the lead: inside her 15 minutes, so no new notice.
        fixture.clock.advance(Duration.ofMinutes(5));
        fixture.calls("A2", "ann", 2, at("2026-11-03T09:06"));
        fixture.drain();
        assertThat(fixture.board(fixture.store
                                .list(fixture.organization.id())
                                .getFirst()
                                .contest()
                                .id())
                        .getFirst())
                .startsWith("1 ann 3");
        assertThat(fixture.notices()).containsExactly("took_lead ann", "took_lead bob");

        // Cat enters the top 3 (a first notice for her), and 20 minutes on Bob retakes the lead.
        fixture.calls("C1", "cat", 1, at("2026-11-03T09:07"));
        fixture.drain();
        fixture.clock.advance(Duration.ofMinutes(20));
        fixture.calls("B2", "bob", 5, at("2026-11-03T09:27"));
        fixture.drain();
        assertThat(fixture.notices())
                .containsExactly("took_lead ann", "took_lead bob", "entered_top3 cat", "took_lead bob");
        assertThat(fixture.noticeKeys()).doesNotHaveDuplicates();
    }

    @Test
    void backfillMovesTheBoardSilentlyUnlessAskedToNotify() {
        var contest = liveContest(false, "3");
        fixture.calls("T1", "ann", 4, at("2026-11-03T09:00"), ChangeOrigin.backfill(false));
        fixture.calls("T2", "bob", 2, at("2026-11-03T09:00"), ChangeOrigin.backfill(false));
        fixture.drain();
        assertThat(fixture.scores(contest.id())).startsWith("1 ann 4", "2 bob 2");
        assertThat(fixture.notices()).isEmpty();

        fixture.calls("T3", "bob", 3, at("2026-11-03T10:00"), ChangeOrigin.backfill(true));
        fixture.drain();
        assertThat(fixture.notices()).containsExactly("target_reached bob", "took_lead bob");
    }

    @Test
    void replayingTheSameChangesGivesIdenticalBoardsAndNotifications() {
        var contest = liveContest(false, "4");
        fixture.calls("T1", "ann", 3, at("2026-11-03T09:00"));
        fixture.calls("T2", "bob", 5, at("2026-11-03T09:30"));
        fixture.drain();
        fixture.clock.advance(Duration.ofMinutes(30));
        fixture.calls("T3", "cat", 1, at("2026-11-03T10:00"));
        fixture.delete("T2");
        fixture.drain();
        var board = fixture.board(contest.id());
        var keys = fixture.noticeKeys();
        var updatedAt = rowsWithUpdateTimes();

        fixture.clock.advance(Duration.ofHours(1));
        fixture.replayAll();
        fixture.replayAll();

        assertThat(fixture.board(contest.id())).isEqualTo(board);
        assertThat(fixture.noticeKeys()).isEqualTo(keys).isNotEmpty();
        assertThat(rowsWithUpdateTimes()).isEqualTo(updatedAt);
    }

    private String rowsWithUpdateTimes() {
        return fixture.transactions.inOrganization(
                fixture.organization.id(),
                tx -> tx.fetch("select participant_key, updated_at from contest_leaderboards order by participant_key")
                        .toString());
    }

    @Test
    void scheduledAndOutOfWindowChangesLeaveTheBoardAlone() {
        var contest = fixture.create("Later", FROM.plusDays(7), TO.plusDays(7), false, null, null);
        var live = liveContest(false, null);
        fixture.calls("T1", "ann", 3, at("2026-11-03T09:00"));
        fixture.calls("T2", "bob", 3, at("2026-11-01T09:00"));
        fixture.drain();
        assertThat(fixture.status(contest.id())).isEqualTo(ContestStatus.SCHEDULED);
        assertThat(fixture.board(contest.id())).allMatch(line -> line.contains(" 0 -"));
        assertThat(fixture.scores(live.id())).startsWith("1 ann 3").anyMatch(line -> line.endsWith("bob 0"));
    }
}
