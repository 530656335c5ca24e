package io.scoreline.gamification.notifications;

import static io.scoreline.pipeline.db.Tables.NOTIFICATIONS;
import static io.scoreline.pipeline.db.Tables.PROFILES;

import io.scoreline.pipeline.database.TenantTransactions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Creates and lists notifications. Creation is keyed by a dedupe key that says what happened
 * (for example {@code badge:<profile>:<badge>:<period>}), so a replayed outbox cannot notify twice.
 */
public final class NotificationStore {

    private final TenantTransactions transactions;
    private final Clock clock;

    public NotificationStore(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Inserts the notification inside the caller's transaction unless one with the same dedupe key
     * exists. @return whether a new row was written
     */
    public boolean create(
            DSLContext tx,
            long organizationId,
            long profileId,
            NotificationKind kind,
            String dedupeKey,
            String payloadJson) {
        return tx.insertInto(NOTIFICATIONS)
                        .set(NOTIFICATIONS.ORGANIZATION_ID, organizationId)
                        .set(NOTIFICATIONS.PROFILE_ID, profileId)
                        .set(NOTIFICATIONS.KIND, kind.key())
                        .set(NOTIFICATIONS.DEDUPE_KEY, dedupeKey)
                        .set(NOTIFICATIONS.PAYLOAD, JSONB.valueOf(payloadJson))
                        .set(NOTIFICATIONS.CREATED_AT, clock.instant().atOffset(ZoneOffset.UTC))
                        .onConflict(NOTIFICATIONS.DEDUPE_KEY)
                        .doNothing()
                        .execute()
                == 1;
    }

    /** Newest first, at most {@code limit}. */
    public List<Notification> list(long organizationId, Optional<Long> profileId, int limit) {
        return transactions.inOrganization(organizationId, tx -> {
            var condition = NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId);
            if (profileId.isPresent()) {
                condition = condition.and(NOTIFICATIONS.PROFILE_ID.eq(profileId.get()));
            }
            return tx.select(
                            NOTIFICATIONS.ID,
                            NOTIFICATIONS.PROFILE_ID,
                            PROFILES.EMAIL,
                            NOTIFICATIONS.KIND,
                            NOTIFICATIONS.DEDUPE_KEY,
                            NOTIFICATIONS.PAYLOAD,
                            NOTIFICATIONS.CREATED_AT,
                            NOTIFICATIONS.READ_AT)
                    .from(NOTIFICATIONS)
                    .join(PROFILES)
                    .on(PROFILES.ID.eq(NOTIFICATIONS.PROFILE_ID))
                    .where(condition)
                    .orderBy(NOTIFICATIONS.CREATED_AT.desc(), NOTIFICATIONS.ID.desc())
                    .limit(limit)
                    .fetch(r -> new Notification(
                            r.value1(),
                            r.value2(),
                            r.value3(),
                            NotificationKind.fromKey(r.value4()),
                            r.value5(),
                            r.value6().data(),
                            r.value7().toInstant(),
                            Optional.ofNullable(r.value8()).map(t -> t.toInstant())));
        });
    }
}
