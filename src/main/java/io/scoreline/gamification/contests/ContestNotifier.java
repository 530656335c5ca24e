package io.scoreline.gamification.contests;

import static io.scoreline.pipeline.db.Tables.NOTIFICATIONS;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.gamification.contests.LeaderboardRanking.Standing;
import io.scoreline.gamification.notifications.NotificationKind;
import io.scoreline.gamification.notifications.NotificationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/**
 * The contest notifications: took the lead, entered the top 3, target reached, contest won. Each has
 * a dedupe key that names what happened, so a replay or a second worker cannot send it twice. Rank
 * notifications are also coalesced: a person hears about a contest's ranks at most once per window.
 */
final class ContestNotifier {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> RANK_KINDS =
            List.of(NotificationKind.TOOK_LEAD.key(), NotificationKind.ENTERED_TOP3.key());

    private final NotificationStore notifications;
    private final Clock clock;
    private final Duration coalesce;

    ContestNotifier(NotificationStore notifications, Clock clock, Duration coalesce) {
        this.notifications = notifications;
        this.clock = clock;
        this.coalesce = coalesce;
    }

    /** Took the lead / entered the top 3 for every row that moved up into first or the top 3 with a score above zero. */
    void rankChanges(DSLContext tx, Contest contest, Map<String, Standing> before, Map<String, Standing> after) {
        for (var now : after.values()) {
            var then = before.get(now.participantKey());
            if (!now.inTop(3) || !now.positive()) {
                continue;
            }
            // Before going live every row had rank 0 or a rank from key order; a row that scored
            // nothing before cannot have led, whatever its rank said.
            boolean wasLeading = then != null && then.rank() == 1 && then.positive();
            boolean wasInTop3 = then != null && then.inTop(3) && then.positive();
            NotificationKind kind;
            if (now.rank() == 1 && !wasLeading) {
                kind = NotificationKind.TOOK_LEAD;
            } else if (!wasInTop3) {
                kind = NotificationKind.ENTERED_TOP3;
            } else {
                continue;
            }
            for (long profileId :
                    ContestScorer.participant(tx, contest, now.participantKey()).members()) {
                rankNotice(tx, contest, profileId, kind, now);
            }
        }
    }

    private void rankNotice(DSLContext tx, Contest contest, long profileId, NotificationKind kind, Standing standing) {
        var now = clock.instant();
        boolean recent = tx.fetchExists(tx.selectOne()
                .from(NOTIFICATIONS)
                .where(NOTIFICATIONS.ORGANIZATION_ID.eq(contest.organizationId()))
                .and(NOTIFICATIONS.PROFILE_ID.eq(profileId))
                .and(NOTIFICATIONS.KIND.in(RANK_KINDS))
                .and(NOTIFICATIONS.DEDUPE_KEY.startsWith("contest:" + contest.id() + ":"))
                .and(NOTIFICATIONS.CREATED_AT.gt(now.minus(coalesce).atOffset(ZoneOffset.UTC))));
        if (recent) {
            return;
        }
        long bucket = now.getEpochSecond() / Math.max(1, coalesce.toSeconds());
        var payload = payload(contest, standing);
        payload.put("rank", standing.rank());
        notifications.create(
                tx,
                contest.organizationId(),
                profileId,
                kind,
                "contest:" + contest.id() + ":" + kind.key() + ":" + profileId + ":" + bucket,
                json(payload));
    }

    /** Target reached, once per person and contest, when a row's score crosses the target upwards. */
    void targetCrossing(DSLContext tx, Contest contest, Participant participant, Score before, Score after) {
        if (contest.target().isEmpty()) {
            return;
        }
        var target = contest.target().get();
        // An undefined score has reached nothing; a row that comes back above the target after being
        // undefined has crossed it (the dedupe key keeps it to once per person and contest).
        if (before.reaches(target) || !after.reaches(target)) {
            return;
        }
        var payload = payload(contest, new Standing(participant.key(), after.value(), after.reachedAt(), 0));
        payload.put("target", target);
        for (long profileId : participant.members()) {
            notifications.create(
                    tx,
                    contest.organizationId(),
                    profileId,
                    NotificationKind.TARGET_REACHED,
                    "contest:" + contest.id() + ":target_reached:" + profileId,
                    json(payload));
        }
    }

    /** Contest won, to every member of the final first place. */
    void won(DSLContext tx, Contest contest, Participant winner, Standing standing) {
        var payload = payload(contest, standing);
        payload.put("rank", standing.rank());
        for (long profileId : winner.members()) {
            notifications.create(
                    tx,
                    contest.organizationId(),
                    profileId,
                    NotificationKind.CONTEST_WON,
                    "contest:" + contest.id() + ":contest_won:" + profileId,
                    json(payload));
        }
    }

    static LinkedHashMap<String, Object> payload(Contest contest, Standing standing) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("contest_id", contest.id());
        payload.put("contest", contest.name());
        payload.put("kpi", contest.kpiKey());
        payload.put("participant", standing.participantKey());
        payload.put("score", Score.plain(standing.score()).orElse(null));
        return payload;
    }

    static String json(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new ScorelineException(FailureKind.BUG, "cannot write a notification payload: " + e.getMessage(), e);
        }
    }
}
