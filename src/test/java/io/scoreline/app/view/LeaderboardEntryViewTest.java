package io.scoreline.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.app.cli.CliOutput;
import io.scoreline.gamification.contests.Leaderboard;
import io.scoreline.gamification.contests.LeaderboardEntry;
import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code leaderboard --json} line (and API entry) of a row with a score, of one whose score is
 * undefined, and of a head-to-head row: fields only some rows have are absent from the others.
 */
class LeaderboardEntryViewTest {

    @Test
    void aScoredRowHasItsNumberAndNoUndefinedField() throws Exception {
        var entry = new LeaderboardEntry(
                1,
                "profile:1",
                "ann@acme.test",
                new MeasuredValue.Defined(new BigDecimal("40.000000")),
                Optional.of(Instant.parse("2026-11-02T08:05:00Z")));

        assertThat(CliOutput.JSON.writeValueAsString(
                        LeaderboardEntryView.of(entry, "live", Optional.empty(), List.of())))
                .isEqualTo("{\"rank\":1,\"participant\":\"ann@acme.test\",\"score\":40,"
                        + "\"reached_at\":\"2026-11-02T08:05:00Z\",\"status\":\"live\"}");
    }

    @Test
    void anUndefinedRowHasANullScoreAndSaysWhy() throws Exception {
        var entry = new LeaderboardEntry(
                3,
                "profile:3",
                "cat@acme.test",
                new MeasuredValue.Undefined("4 calls_made, fewer than the minimum 10"),
                Optional.empty());

        assertThat(CliOutput.JSON.writeValueAsString(
                        LeaderboardEntryView.of(entry, "live", Optional.empty(), List.of())))
                .isEqualTo("{\"rank\":3,\"participant\":\"cat@acme.test\",\"score\":null,"
                        + "\"undefined\":\"4 calls_made, fewer than the minimum 10\","
                        + "\"reached_at\":null,\"status\":\"live\"}");
    }

    @Test
    void aHeadToHeadRowNamesItsPairOpponentAndWhoIsAhead() throws Exception {
        var entry = new LeaderboardEntry(
                2, "profile:2", "bob@acme.test", new MeasuredValue.Defined(new BigDecimal("7")), Optional.empty());
        var pairs = List.of(
                new Leaderboard.Matchup(1, "ann@acme.test", "cat@acme.test", Optional.empty()),
                new Leaderboard.Matchup(2, "dan@acme.test", "bob@acme.test", Optional.of("dan@acme.test")));

        assertThat(CliOutput.JSON.writeValueAsString(LeaderboardEntryView.of(entry, "live", Optional.empty(), pairs)))
                .isEqualTo("{\"rank\":2,\"participant\":\"bob@acme.test\",\"score\":7,\"reached_at\":null,"
                        + "\"status\":\"live\",\"pair\":2,\"opponent\":\"dan@acme.test\",\"pair_status\":\"behind\"}");
        var drawn = new LeaderboardEntry(
                1, "profile:1", "ann@acme.test", new MeasuredValue.Defined(BigDecimal.ONE), Optional.empty());
        assertThat(LeaderboardEntryView.of(drawn, "live", Optional.empty(), pairs))
                .extracting(LeaderboardEntryView::opponent, LeaderboardEntryView::pairStatus)
                .containsExactly("cat@acme.test", "draw");
    }
}
