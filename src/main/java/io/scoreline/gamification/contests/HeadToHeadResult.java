package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.CONTEST_PARTICIPANTS;

import io.scoreline.gamification.contests.LeaderboardRanking.Standing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.DSLContext;

/**
 * Head-to-head pairs and who is ahead in each (ADR 0045): the higher score; of equal scores above
 * zero, the one reached first; two zeros are a draw, since nobody did anything to win.
 */
final class HeadToHeadResult {

    /** Pair {@code number}: two leaderboard rows and, unless drawn, the key of the one ahead. */
    record Pair(int number, Standing first, Standing second, Optional<String> leader) {}

    private HeadToHeadResult() {}

    /** The contest's pairs in order, from the stored standings. */
    static List<Pair> pairs(DSLContext tx, long contestId, Map<String, Standing> standings) {
        var members = new TreeMap<Integer, List<String>>();
        tx.select(CONTEST_PARTICIPANTS.PAIR_NO, CONTEST_PARTICIPANTS.PROFILE_ID)
                .from(CONTEST_PARTICIPANTS)
                .where(CONTEST_PARTICIPANTS.CONTEST_ID.eq(contestId))
                .and(CONTEST_PARTICIPANTS.PAIR_NO.isNotNull())
                .orderBy(CONTEST_PARTICIPANTS.PAIR_NO, CONTEST_PARTICIPANTS.PROFILE_ID)
                .forEach(r -> members.computeIfAbsent(r.value1(), n -> new ArrayList<>())
                        .add(Participant.profileKey(r.value2())));
        var pairs = new ArrayList<Pair>();
        members.forEach((number, keys) -> {
            if (keys.size() == 2 && standings.containsKey(keys.get(0)) && standings.containsKey(keys.get(1))) {
                var first = standings.get(keys.get(0));
                var second = standings.get(keys.get(1));
                pairs.add(new Pair(number, first, second, leader(first, second)));
            }
        });
        return pairs;
    }

    static Optional<String> leader(Standing a, Standing b) {
        // An undefined score (ADR 0042) loses to any number; two undefined scores are a draw.
        var x = a.number();
        var y = b.number();
        if (x.isEmpty() || y.isEmpty()) {
            return x.isPresent() == y.isPresent()
                    ? Optional.empty()
                    : Optional.of(x.isPresent() ? a.participantKey() : b.participantKey());
        }
        int byScore = x.get().compareTo(y.get());
        if (byScore != 0) {
            return Optional.of(byScore > 0 ? a.participantKey() : b.participantKey());
        }
        if (x.get().signum() <= 0) {
            return Optional.empty();
        }
        int byTime = a.reachedAt().orElse(Instant.MAX).compareTo(b.reachedAt().orElse(Instant.MAX));
        if (byTime == 0) {
            return Optional.empty();
        }
        return Optional.of(byTime < 0 ? a.participantKey() : b.participantKey());
    }
}
