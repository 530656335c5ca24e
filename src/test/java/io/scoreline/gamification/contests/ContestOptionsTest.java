package io.scoreline.gamification.contests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scoreline.failure.ScorelineException;
import org.junit.jupiter.api.Test;

/** The checks of the contest format options that need no database, in the words of each entry point. */
class ContestOptionsTest {

    private static NewContest cli(
            String target, boolean teams, String participants, String format, String pairs, String every, String to) {
        return NewContest.of(
                "Duels",
                "calls_made",
                "2026-05-04",
                to,
                teams,
                target,
                null,
                participants,
                format,
                pairs,
                every,
                false);
    }

    @Test
    void aRaceNeedsATarget() {
        assertThatThrownBy(() -> cli(null, false, null, "race", null, null, "2026-05-10"))
                .isInstanceOf(ScorelineException.class)
                .hasMessage("--format race needs --target N: the score the first to reach wins the race");
        assertThat(cli("10", false, null, "race", null, null, "2026-05-10")
                        .options()
                        .format())
                .isEqualTo(ContestFormat.RACE);
    }

    @Test
    void pairsAreTwoDistinctPeopleEachInOnePair() {
        assertThatThrownBy(() ->
                        cli(null, false, null, "head_to_head", "a@x.com:b@x.com,b@x.com:c@x.com", null, "2026-05-10"))
                .hasMessage("--pairs puts b@x.com in two pairs; each person is in one");
        assertThatThrownBy(() -> cli(null, false, null, "head_to_head", "a@x.com:a@x.com", null, "2026-05-10"))
                .hasMessage("--pairs pairs a@x.com with themself");
        assertThatThrownBy(() -> cli(null, false, null, "head_to_head", "a@x.com", null, "2026-05-10"))
                .hasMessage(
                        "--pairs items are two e-mails joined by a colon, such as a@acme.com:b@acme.com; got 'a@x.com'");
        assertThatThrownBy(() -> cli(null, false, null, null, "a@x.com:b@x.com", null, "2026-05-10"))
                .hasMessage("--pairs is only for --format head_to_head");
        assertThatThrownBy(() -> cli(null, true, null, "head_to_head", null, null, "2026-05-10"))
                .hasMessage("--format head_to_head pairs people; it cannot rank --teams");
        assertThatThrownBy(() -> cli(null, false, "c@x.com", "head_to_head", "a@x.com:b@x.com", null, "2026-05-10"))
                .hasMessage("give --pairs or --participants, not both: the pairs are the participants");
        var pairs = cli(null, false, null, "head-to-head", "A@x.com:b@x.com, c@x.com:d@x.com", null, "2026-05-10")
                .options()
                .pairs();
        assertThat(pairs)
                .extracting(ContestOptions.ContestPair::text)
                .containsExactly("a@x.com:b@x.com", "c@x.com:d@x.com");
    }

    @Test
    void aSeriesComputesItsFirstPeriodAndRefusesATo() {
        var weekly = cli(null, false, null, null, null, "week", null);
        assertThat(weekly.endsOn()).hasToString("2026-05-10");
        assertThat(cli(null, false, null, null, null, "month", null).endsOn()).hasToString("2026-06-03");
        assertThatThrownBy(() -> cli(null, false, null, null, null, "week", "2026-05-10"))
                .hasMessage("--to is not used with --every: each period ends the day before the next one starts");
        assertThatThrownBy(() -> cli(null, false, null, "knockout", null, null, "2026-05-10"))
                .hasMessage("--format must be one of standard, race, head_to_head, got 'knockout'");
    }
}
