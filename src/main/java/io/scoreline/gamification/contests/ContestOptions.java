package io.scoreline.gamification.contests;

import io.scoreline.failure.ScorelineException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a contest adds to the standard one (ADR 0045): its format, explicit head-to-head pairs (empty
 * means automatic pairing by seed), a recurrence that makes it a series, whether it is hidden, and
 * what it ranks by (ADR 0046). Checked here without the database; the e-mails of the pairs and the
 * goal period of a percent-of-goal window are checked by {@link ContestStore}.
 */
public record ContestOptions(
        ContestFormat format, List<ContestPair> pairs, Optional<Recurrence> every, boolean hidden, RankBy rankBy) {

    public static final ContestOptions STANDARD =
            new ContestOptions(ContestFormat.STANDARD, List.of(), Optional.empty(), false);

    public ContestOptions {
        pairs = List.copyOf(pairs);
        java.util.Objects.requireNonNull(rankBy, "rankBy");
    }

    /** Options of a contest ranked by value. */
    public ContestOptions(ContestFormat format, List<ContestPair> pairs, Optional<Recurrence> every, boolean hidden) {
        this(format, pairs, every, hidden, RankBy.VALUE);
    }

    /** Two people who compete with each other only. */
    public record ContestPair(String first, String second) {

        /** {@code a@x:b@x}, as stored in a series and given to {@code --pairs}. */
        public String text() {
            return first + ":" + second;
        }
    }

    /**
     * The options as given, each field named as its caller spells it ({@code fields} maps the
     * option to {@code --format} or {@code format}); checks that they fit together and with the
     * target, the teams flag and the participants.
     */
    public static ContestOptions of(
            String format,
            List<String> pairs,
            String every,
            boolean hidden,
            Optional<BigDecimal> target,
            boolean teams,
            boolean participantsGiven,
            Fields fields) {
        return of(format, pairs, every, hidden, null, target, teams, participantsGiven, fields);
    }

    /** The same with {@code rankBy} (absent: value); a race is ranked by value (ADR 0046). */
    public static ContestOptions of(
            String format,
            List<String> pairs,
            String every,
            boolean hidden,
            String rankBy,
            Optional<BigDecimal> target,
            boolean teams,
            boolean participantsGiven,
            Fields fields) {
        var checkedRankBy = RankBy.parse(rankBy, fields.rankBy());
        var checkedFormat = ContestFormat.parse(format, fields.format());
        var checkedPairs = pairs == null ? List.<ContestPair>of() : pairs(pairs, fields.pairs());
        if (checkedFormat == ContestFormat.RACE && target.isEmpty()) {
            throw ScorelineException.badInput(fields.format() + " race needs " + fields.target()
                    + " N: the score the first to reach wins the race");
        }
        if (checkedFormat != ContestFormat.HEAD_TO_HEAD && !checkedPairs.isEmpty()) {
            throw ScorelineException.badInput(fields.pairs() + " is only for " + fields.format() + " head_to_head");
        }
        if (checkedFormat == ContestFormat.HEAD_TO_HEAD && teams) {
            throw ScorelineException.badInput(
                    fields.format() + " head_to_head pairs people; it cannot rank " + fields.teams());
        }
        if (!checkedPairs.isEmpty() && participantsGiven) {
            throw ScorelineException.badInput("give " + fields.pairs() + " or " + fields.participants()
                    + ", not both: the pairs are the participants");
        }
        if (checkedFormat == ContestFormat.RACE && checkedRankBy == RankBy.PERCENT_OF_GOAL) {
            // Who crossed the line first must not change when a manager edits a goal afterwards.
            throw ScorelineException.badInput(fields.format() + " race is ranked by value: its finish line is the same "
                    + fields.target() + " for everyone; use " + fields.rankBy() + " percent_of_goal with "
                    + fields.format() + " standard (and " + fields.target() + " 100 to hear who reaches their goal)");
        }
        var checkedEvery =
                every == null ? Optional.<Recurrence>empty() : Optional.of(Recurrence.parse(every, fields.every()));
        return new ContestOptions(checkedFormat, checkedPairs, checkedEvery, hidden, checkedRankBy);
    }

    /** How an entry point names each option in its messages. */
    public record Fields(
            String format,
            String pairs,
            String every,
            String target,
            String teams,
            String participants,
            String rankBy) {
        public static final Fields CLI =
                new Fields("--format", "--pairs", "--every", "--target", "--teams", "--participants", "--rank-by");
        public static final Fields API =
                new Fields("format", "pairs", "every", "target", "teams", "participants", "rank_by");
    }

    /** {@code a@x:b@x} items, lower-cased; nobody in two pairs and nobody paired with themself. */
    public static List<ContestPair> pairs(List<String> items, String field) {
        var result = new ArrayList<ContestPair>();
        var seen = new HashSet<String>();
        for (var item : items) {
            if (item == null || item.isBlank()) {
                continue;
            }
            var sides = item.strip().toLowerCase(Locale.ROOT).split(":", -1);
            if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
                throw ScorelineException.badInput(
                        field + " items are two e-mails joined by a colon, such as a@acme.com:b@acme.com; got '"
                                + item.strip() + "'");
            }
            var pair = new ContestPair(sides[0].strip(), sides[1].strip());
            if (pair.first().equals(pair.second())) {
                throw ScorelineException.badInput(field + " pairs " + pair.first() + " with themself");
            }
            for (var side : List.of(pair.first(), pair.second())) {
                if (!seen.add(side)) {
                    throw ScorelineException.badInput(field + " puts " + side + " in two pairs; each person is in one");
                }
            }
            result.add(pair);
        }
        if (result.isEmpty()) {
            throw ScorelineException.badInput(
                    field + " must list pairs such as a@acme.com:b@acme.com,c@acme.com:d@acme.com");
        }
        return result;
    }

    /** {@code a:b,c:d} as typed on the command line. */
    public static List<String> pairItems(String value) {
        return value == null ? null : List.of(value.split("[,\\s]+"));
    }
}
