package io.scoreline.gamification.badges;

import static io.scoreline.pipeline.db.Tables.AUDIT_LOG;
import static io.scoreline.pipeline.db.Tables.PROFILE_BADGES;

import io.scoreline.gamification.notifications.NewNotification;
import io.scoreline.gamification.notifications.NotificationKind;
import io.scoreline.gamification.notifications.NotificationStore;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Brings one person's stored awards in line with fresh judgements, inside the evaluator's
 * transaction. New awards are inserted under their unique (profile, badge, period key) and notify
 * once (unique dedupe key); an award whose rule no longer holds follows its badge's policy; an award
 * that holds again is restored without a second notification.
 */
final class AwardReconciler {

    /** An award as stored when the person's claim was read. */
    record StoredAward(long id, String status, boolean reversed) {}

    private record NewAward(Badge badge, Judgement judgement, Map<String, Object> evidence) {}

    /**
     * A person's new awards as arrays, one statement whatever their number, its text the same every
     * time (no SQL rendered per row); rows keep the list's order, a row whose key exists is skipped.
     */
    private static final String INSERT_AWARDS = """
            insert into profile_badges (organization_id, profile_id, badge_id, period_key, evidence, awarded_at, updated_at)
            select {0}, {1}, a.badge_id, a.period_key, a.evidence::jsonb, {5}, {5}
              from unnest({2}, {3}, {4}) with ordinality as a(badge_id, period_key, evidence, n)
             order by a.n
            on conflict do nothing
            returning badge_id, period_key""";

    private final NotificationStore notifications;
    private final Clock clock;

    AwardReconciler(NotificationStore notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * @param stored the person's stored awards of the judged badges (at least), by badge id and period key
     * @return how many awards were made (new or restored)
     */
    int reconcile(
            DSLContext tx,
            long organizationId,
            long profileId,
            Map<Badge, ? extends Collection<Judgement>> judged,
            Map<String, StoredAward> stored,
            boolean notify) {
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
        var fresh = new ArrayList<NewAward>();
        for (var entry : judged.entrySet()) {
            var badge = entry.getKey();
            for (var judgement : entry.getValue()) {
                var award = stored.get(badge.id() + "|" + judgement.periodKey());
                if (judgement.qualifies()) {
                    var evidence = award == null || award.status().equals("revoked")
                            ? AwardEvidence.of(badge, judgement, records.get(next++))
                            : null;
                    if (award == null) {
                        fresh.add(new NewAward(badge, judgement, evidence));
                    } else {
                        awarded += update(tx, award, evidence, now) ? 1 : 0;
                    }
                } else if (award != null && award.status().equals("awarded") && !award.reversed()) {
                    retract(tx, organizationId, profileId, badge, judgement, award, now);
                }
            }
        }
        return awarded + insert(tx, organizationId, profileId, fresh, now, notify);
    }

    /**
     * The person's new awards in one statement (ADR 0052), each under its unique (profile,
     * badge, period key): a row another transaction wrote first is skipped and does not notify. The
     * notifications of the rows written follow in one statement, in the judgements' order.
     *
     * @return how many awards were written
     */
    private int insert(
            DSLContext tx,
            long organizationId,
            long profileId,
            List<NewAward> fresh,
            OffsetDateTime now,
            boolean notify) {
        var written = new HashSet<String>();
        if (!fresh.isEmpty()) {
            int n = fresh.size();
            var badgeIds = new Long[n];
            var periodKeys = new String[n];
            var evidence = new String[n];
            for (int i = 0; i < n; i++) {
                var award = fresh.get(i);
                badgeIds[i] = award.badge().id();
                periodKeys[i] = award.judgement().periodKey();
                evidence[i] = BadgeRuleJson.write(award.evidence());
            }
            tx.resultQuery(
                            INSERT_AWARDS,
                            DSL.val(organizationId),
                            DSL.val(profileId),
                            DSL.val(badgeIds, SQLDataType.BIGINT.array()),
                            DSL.val(periodKeys, SQLDataType.VARCHAR.array()),
                            DSL.val(evidence, SQLDataType.VARCHAR.array()),
                            DSL.val(now))
                    .fetch()
                    .forEach(r -> written.add(r.get(0, Long.class) + "|" + r.get(1, String.class)));
        }
        if (notify) {
            var notes = new ArrayList<NewNotification>();
            var noted = new HashSet<String>();
            for (var award : fresh) {
                var key = award.badge().id() + "|" + award.judgement().periodKey();
                if (written.contains(key) && noted.add(key)) {
                    notes.add(new NewNotification(
                            profileId,
                            NotificationKind.BADGE_EARNED,
                            dedupeKey(
                                    organizationId,
                                    profileId,
                                    award.badge(),
                                    award.judgement().periodKey()),
                            BadgeRuleJson.write(payload(award.badge(), award.judgement()))));
                }
            }
            notifications.createAll(tx, organizationId, notes);
        }
        return written.size();
    }

    /**
     * A stored award that qualifies again: a revoked one is restored with fresh evidence (no second
     * notification), a sticky one's reversal is withdrawn. @return whether an award was restored
     */
    private static boolean update(DSLContext tx, StoredAward award, Map<String, Object> evidence, OffsetDateTime now) {
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

    /**
     * The stored awards of several people for the given badges, in one statement (ADR 0052), by
     * person and then by badge id and period key.
     */
    static Map<Long, Map<String, StoredAward>> stored(DSLContext tx, Long[] profileIds, Collection<Long> badgeIds) {
        var stored = new HashMap<Long, Map<String, StoredAward>>();
        tx.select(
                        PROFILE_BADGES.PROFILE_ID,
                        PROFILE_BADGES.ID,
                        PROFILE_BADGES.BADGE_ID,
                        PROFILE_BADGES.PERIOD_KEY,
                        PROFILE_BADGES.STATUS,
                        PROFILE_BADGES.REVERSED_AT)
                .from(PROFILE_BADGES)
                .where(PROFILE_BADGES.PROFILE_ID.eq(DSL.any(profileIds)))
                .and(PROFILE_BADGES.BADGE_ID.eq(DSL.any(badgeIds.toArray(Long[]::new))))
                .forEach(r -> stored.computeIfAbsent(r.value1(), p -> new HashMap<>())
                        .put(
                                r.value3() + "|" + r.value4(),
                                new StoredAward(r.value2(), r.value5(), r.value6() != null)));
        return stored;
    }
}
