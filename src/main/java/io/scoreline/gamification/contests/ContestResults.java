package io.scoreline.gamification.contests;

import io.scoreline.gamification.contests.LeaderboardRanking.Standing;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * What a contest announces when it becomes final, by format (ADR 0045). Standard: the first place
 * wins, the top 3 get placement badges. Race: the first to reach the target wins; only those who
 * reached it are placed; without anyone at the target nobody wins. Head-to-head: each pair's result
 * goes to both sides; there is no overall winner and no placement. A hidden contest announces and
 * awards nothing.
 */
final class ContestResults {

    private final ContestNotifier notifier;
    private final PlacementAwards placements;

    ContestResults(ContestNotifier notifier, PlacementAwards placements) {
        this.notifier = notifier;
        this.placements = placements;
    }

    void announce(DSLContext tx, Contest contest, Map<String, Standing> standings) {
        if (contest.hidden()) {
            return;
        }
        switch (contest.format()) {
            case STANDARD -> winnerAndPlaces(tx, contest, standings);
            case RACE -> {
                var finished = new LinkedHashMap<String, Standing>();
                standings.forEach((key, standing) -> {
                    if (FormatRanking.finished(contest, standing)) {
                        finished.put(key, standing);
                    }
                });
                winnerAndPlaces(tx, contest, finished);
            }
            case HEAD_TO_HEAD -> pairResults(tx, contest, standings);
        }
    }

    private void winnerAndPlaces(DSLContext tx, Contest contest, Map<String, Standing> standings) {
        standings.values().stream()
                .filter(s -> s.rank() == 1 && s.positive())
                .findFirst()
                .ifPresent(first -> notifier.won(
                        tx, contest, ContestScorer.participant(tx, contest, first.participantKey()), first));
        placements.award(tx, contest, standings);
    }

    private void pairResults(DSLContext tx, Contest contest, Map<String, Standing> standings) {
        var names = ContestStore.names(tx, contest.id());
        for (var pair : HeadToHeadResult.pairs(tx, contest.id(), standings)) {
            tell(tx, contest, pair, pair.first(), pair.second(), names);
            tell(tx, contest, pair, pair.second(), pair.first(), names);
        }
    }

    private void tell(
            DSLContext tx,
            Contest contest,
            HeadToHeadResult.Pair pair,
            Standing own,
            Standing opponent,
            Map<String, String> names) {
        var result = pair.leader()
                .map(leader -> leader.equals(own.participantKey()) ? "won" : "lost")
                .orElse("draw");
        for (long profileId :
                ContestScorer.participant(tx, contest, own.participantKey()).members()) {
            notifier.pairResult(
                    tx,
                    contest,
                    profileId,
                    own,
                    opponent,
                    names.getOrDefault(opponent.participantKey(), opponent.participantKey()),
                    result);
        }
    }
}
