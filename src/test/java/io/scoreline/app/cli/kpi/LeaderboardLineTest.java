package io.scoreline.app.cli.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.app.cli.CliOutput;
import io.scoreline.gamification.contests.LeaderboardEntry;
import io.scoreline.mappings.measures.MeasuredValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code leaderboard --json} line of a row with a score, and of one whose score is undefined. */
class LeaderboardLineTest {

    @Test
    void aScoredRowHasItsNumberAndNoUndefinedField() throws Exception {
        var entry = new LeaderboardEntry(
                1,
                "profile:1",
                "ann@acme.test",
                new MeasuredValue.Defined(new BigDecimal("40.000000")),
                Optional.of(Instant.parse("2026-11-02T08:05:00Z")));

        assertThat(CliOutput.JSON.writeValueAsString(LeaderboardCommand.EntryLine.of(entry, "live")))
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

        assertThat(CliOutput.JSON.writeValueAsString(LeaderboardCommand.EntryLine.of(entry, "live")))
                .isEqualTo("{\"rank\":3,\"participant\":\"cat@acme.test\",\"score\":null,"
                        + "\"undefined\":\"4 calls_made, fewer than the minimum 10\","
                        + "\"reached_at\":null,\"status\":\"live\"}");
    }
}
