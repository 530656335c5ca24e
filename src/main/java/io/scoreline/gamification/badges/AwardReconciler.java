package io.scoreline.gamification.badges;

import static io.scoreline.pipeline.db.Tables.AUDIT_LOG;
import static io.scoreline.pipeline.db.Tables.PROFILE_BADGES;

import io.scoreline.gamification.notifications.NotificationKind;
import io.scoreline.gamification.notifications.NotificationStore;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Brings one person's stored awards in line with fresh judgements, inside the evaluator's
 * transaction. New awards are inserted under their unique (profile, badge, period key) and notify
 * once (unique dedupe key); an award whose rule no longer holds follows its badge's policy; an award
 * that holds again is restored without a second notification.
 */
final class AwardReconciler {

    private record StoredAward(long id, String status, boolean reversed) {}

    private final NotificationStore notifications;
    private final Clock clock;

    AwardReconciler(NotificationStore notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** @return how many awards were made (new or restored) */
    int reconcile(
            DSLContext tx,
            long organizationId,
            long profileId,
            Map<Badge, ? extends Collection<Judgement>> judged,
            boolean notify) {
        var stored = stored(tx, profileId, judged.keySet());
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        // Awards that store evidence (new or restored) read their CRM records in one statement.
        var needEvidence = new ArrayList<Judgement>();
        for (var entry : judged.entrySet()) {
            for (var judgement : entry.getValue()) {
                var award = stored.get(entry.getKey().id() + "|" + judgement.periodKey());
                if (judgement.qualifies() && (award == null || award.status().equals("revoked"))) {
                    needEvidence.add(judgement);
                }
            }
        }
        var records = AwardEvidence.topRecords(tx, organizationId, profileId, needEvidence);
        int next = 0;
        int awarded = 0;
        for (var entry : judged.entrySet()) {
            var badge = entry.getKey();
            for (var judgement : entry.getValue()) {
                var award = stored.get(badge.id() + "|" + judgement.periodKey());
                if (judgement.qualifies()) {
                    var evidence = award == null || award.status().equals("revoked")
                            ? AwardEvidence.of(badge, judgement, records.get(next++))
                            : null;
                    awarded += award(tx, organizationId, profileId, badge, award, evidence, now, notify, judgement)
                            ? 1
                            : 0;
                } else if (award != null && award.status().equals("awarded") && !award.reversed()) {
                    retract(tx, organizationId, profileId, badge, judgement, award, now);
                }
            }
        }
        return awarded;
    }

    private boolean award(
            DSLContext tx,
            long organizationId,
            long profileId,
            Badge badge,
            StoredAward award,
            Map<String, Object> evidence,
            OffsetDateTime now,
            boolean notify,
            Judgement judgement) {
        if (award == null) {
            int inserted = tx.insertInto(PROFILE_BADGES)
                    .set(PROFILE_BADGES.ORGANIZATION_ID, organizationId)
                    .set(PROFILE_BADGES.PROFILE_ID, profileId)
                    .set(PROFILE_BADGES.BADGE_ID, badge.id())
                    .set(PROFILE_BADGES.PERIOD_KEY, judgement.periodKey())
                    .set(PROFILE_BADGES.EVIDENCE, JSONB.valueOf(BadgeRuleJson.write(evidence)))
                    .set(PROFILE_BADGES.AWARDED_AT, now)
                    .set(PROFILE_BADGES.UPDATED_AT, now)
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 1 && notify) {
                notifications.create(
                        tx,
                        organizationId,
                        profileId,
                        NotificationKind.BADGE_EARNED,
                        dedupeKey(organizationId, profileId, badge, judgement.periodKey()),
                        BadgeRuleJson.write(payload(badge, judgement)));
            }
            return inserted == 1;
        }
        if (award.status().equals("revoked")) {
            tx.update(PROFILE_BADGES)
                    .set(PROFILE_BADGES.STATUS, "awarded")
                    .set(PROFILE_BADGES.REVOKED_AT, (OffsetDateTime) null)
                    .set(PROFILE_BADGES.REVERSED_AT, (OffsetDateTime) null)
                    .set(PROFILE_BADGES.REVERSAL, (JSONB) null)
                    .set(PROFILE_BADGES.EVIDENCE, JSONB.valueOf(BadgeRuleJson.write(evidence)))
                    .set(PROFILE_BADGES.UPDATED_AT, now)
                    .where(PROFILE_BADGES.ID.eq(award.id()))
                    .execute();
            return true;
        }
        if (award.reversed()) {
            // A sticky award whose data came back over the line: the reversal no longer stands.
            tx.update(PROFILE_BADGES)
                    .set(PROFILE_BADGES.REVERSED_AT, (OffsetDateTime) null)
                    .set(PROFILE_BADGES.REVERSAL, (JSONB) null)
                    .set(PROFILE_BADGES.UPDATED_AT, now)
                    .where(PROFILE_BADGES.ID.eq(award.id()))
                    .execute();
        }
        return false;
    }

    private void retract(
            DSLContext tx,
            long organizationId,
            long profileId,
            Badge badge,
            Judgement judgement,
            StoredAward award,
            OffsetDateTime now) {
        var reversal = JSONB.valueOf(BadgeRuleJson.write(
                AwardEvidence.reversal(judgement, now.toInstant().toString())));
        switch (badge.definition().policy()) {
            case STICKY -> {
                tx.update(PROFILE_BADGES)
                        .set(PROFILE_BADGES.REVERSED_AT, now)
                        .set(PROFILE_BADGES.REVERSAL, reversal)
                        .set(PROFILE_BADGES.UPDATED_AT, now)
                        .where(PROFILE_BADGES.ID.eq(award.id()))
                        .execute();
                var details = new LinkedHashMap<String, Object>();
                details.put("profile_id", profileId);
                details.put("badge", badge.key());
                details.put("period_key", judgement.periodKey());
                details.put(
                        "reversal",
                        AwardEvidence.reversal(judgement, now.toInstant().toString()));
                tx.insertInto(AUDIT_LOG)
                        .set(AUDIT_LOG.ORGANIZATION_ID, organizationId)
                        .set(AUDIT_LOG.ACTOR, "evaluator")
                        .set(AUDIT_LOG.ACTION, "badge_reversed")
                        .set(AUDIT_LOG.TARGET, "profile_badge:" + award.id())
                        .set(AUDIT_LOG.DETAILS, JSONB.valueOf(BadgeRuleJson.write(details)))
                        .set(AUDIT_LOG.AT, now)
                        .execute();
            }
            // Quietly: no notification tells a rep a badge was taken back.
            case REVOCABLE ->
                tx.update(PROFILE_BADGES)
                        .set(PROFILE_BADGES.STATUS, "revoked")
                        .set(PROFILE_BADGES.REVOKED_AT, now)
                        .set(PROFILE_BADGES.REVERSAL, reversal)
                        .set(PROFILE_BADGES.UPDATED_AT, now)
                        .where(PROFILE_BADGES.ID.eq(award.id()))
                        .execute();
        }
    }

    /** What happened, stated once per organization, person, badge and period. */
    static String dedupeKey(long organizationId, long profileId, Badge badge, String periodKey) {
        return "badge:" + organizationId + ":" + profileId + ":" + badge.key() + ":" + periodKey;
    }

    private static Map<String, Object> payload(Badge badge, Judgement judgement) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("badge", badge.key());
        payload.put("name", badge.definition().name());
        payload.put("category", badge.definition().category());
        payload.put("period_key", judgement.periodKey());
        payload.put("value", AwardEvidence.plain(judgement.value()));
        payload.put("threshold", AwardEvidence.plain(judgement.threshold()));
        return payload;
    }

    private static Map<String, StoredAward> stored(DSLContext tx, long profileId, Collection<Badge> badges) {
        var ids = badges.stream().map(Badge::id).toArray(Long[]::new);
        var stored = new HashMap<String, StoredAward>();
        tx.select(
                        PROFILE_BADGES.ID,
                        PROFILE_BADGES.BADGE_ID,
                        PROFILE_BADGES.PERIOD_KEY,
                        PROFILE_BADGES.STATUS,
                        PROFILE_BADGES.REVERSED_AT)
                .from(PROFILE_BADGES)
                .where(PROFILE_BADGES.PROFILE_ID.eq(profileId))
                .and(PROFILE_BADGES.BADGE_ID.eq(DSL.any(ids)))
                .forEach(r -> stored.put(
                        r.value2() + "|" + r.value3(), new StoredAward(r.value1(), r.value4(), r.value5() != null)));
        return stored;
    }
}
