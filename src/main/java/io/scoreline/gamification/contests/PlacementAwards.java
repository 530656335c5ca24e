package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.BADGES;
import static io.scoreline.pipeline.db.Tables.PROFILE_BADGES;

import io.scoreline.gamification.contests.LeaderboardRanking.Standing;
import io.scoreline.gamification.notifications.NotificationKind;
import io.scoreline.gamification.notifications.NotificationStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Placement badges for the top 3 of a final contest, by badge key. The catalog may not hold these
 * keys (an organization can deactivate them, or run without the stock catalog): then nothing is
 * awarded. An organization's own badge wins over the stock one with the same key, so a place is
 * never awarded twice.
 */
final class PlacementAwards {

    static final List<String> KEYS_BY_PLACE = List.of("contest_winner", "contest_runner_up", "contest_third");

    private final NotificationStore notifications;
    private final Clock clock;

    PlacementAwards(NotificationStore notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    void award(DSLContext tx, Contest contest, Map<String, Standing> finalStandings) {
        var badges = badgeIdsByKey(tx);
        for (var standing : finalStandings.values()) {
            if (!standing.inTop(3) || !standing.positive()) {
                continue;
            }
            var key = KEYS_BY_PLACE.get(standing.rank() - 1);
            var badgeId = badges.get(key);
            if (badgeId == null) {
                continue;
            }
            var participant = ContestScorer.participant(tx, contest, standing.participantKey());
            var evidence = ContestNotifier.payload(contest, standing);
            evidence.put("rank", standing.rank());
            evidence.put("window", contest.startsOn() + "/" + contest.endsOn());
            var periodKey = "contest:" + contest.id();
            for (long profileId : participant.members()) {
                boolean awarded = tx.insertInto(PROFILE_BADGES)
                                .set(PROFILE_BADGES.ORGANIZATION_ID, contest.organizationId())
                                .set(PROFILE_BADGES.PROFILE_ID, profileId)
                                .set(PROFILE_BADGES.BADGE_ID, badgeId)
                                .set(PROFILE_BADGES.PERIOD_KEY, periodKey)
                                .set(PROFILE_BADGES.EVIDENCE, JSONB.valueOf(ContestNotifier.json(evidence)))
                                .set(PROFILE_BADGES.AWARDED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                                .onConflict(
                                        PROFILE_BADGES.PROFILE_ID, PROFILE_BADGES.BADGE_ID, PROFILE_BADGES.PERIOD_KEY)
                                .doNothing()
                                .execute()
                        == 1;
                if (awarded) {
                    var payload = new HashMap<String, Object>(evidence);
                    payload.put("badge", key);
                    notifications.create(
                            tx,
                            contest.organizationId(),
                            profileId,
                            NotificationKind.BADGE_EARNED,
                            "badge:" + profileId + ":" + key + ":" + periodKey,
                            ContestNotifier.json(payload));
                }
            }
        }
    }

    /** Active placement badges visible to the organization, its own before the stock ones. */
    private static Map<String, Long> badgeIdsByKey(DSLContext tx) {
        var byKey = new HashMap<String, Long>();
        tx.select(BADGES.KEY, BADGES.ID)
                .from(BADGES)
                .where(BADGES.KEY.in(KEYS_BY_PLACE))
                .and(BADGES.ACTIVE)
                .orderBy(BADGES.ORGANIZATION_ID.asc().nullsLast(), BADGES.ID)
                .forEach(r -> byKey.putIfAbsent(r.value1(), r.value2()));
        return byKey;
    }
}
