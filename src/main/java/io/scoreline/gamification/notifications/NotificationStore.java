package io.scoreline.gamification.notifications;

import static io.scoreline.pipeline.db.Tables.NOTIFICATIONS;
import static io.scoreline.pipeline.db.Tables.PROFILES;

import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.database.TenantTransactions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record8;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Creates and lists notifications. Creation is keyed by a dedupe key that says what happened
 * (for example {@code badge:<profile>:<badge>:<period>}), so a replayed outbox cannot notify twice.
 */
public final class NotificationStore {

    // created_xid (V27) is outside the generated classes: jOOQ's DDL parser does not know xid8.
    private static final Field<Object> CREATED_XID = DSL.field(DSL.name("notifications", "created_xid"));
    private static final Field<Long> CREATED_XID_NUMBER =
            DSL.field("{0}::text::bigint", SQLDataType.BIGINT, CREATED_XID);
    /** Every transaction below it has ended: its rows are as visible as they will ever be. */
    private static final Condition SETTLED =
            DSL.condition("{0} < pg_snapshot_xmin(pg_current_snapshot())", CREATED_XID);

    /** Many notifications as arrays: one statement, the same text every time, ids in the arrays' order. */
    private static final String INSERT_ALL = """
            insert into notifications (organization_id, profile_id, kind, dedupe_key, payload, created_at)
            select {0}, n.profile_id, n.kind, n.dedupe_key, n.payload::jsonb, {5}
              from unnest({1}, {2}, {3}, {4}) with ordinality as n(profile_id, kind, dedupe_key, payload, i)
             order by n.i
            on conflict (dedupe_key) do nothing""";

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

    /**
     * {@link #create} for many notifications in one statement (the evaluator writes a
     * person's new badges at once, ADR 0052); rows whose dedupe key exists are skipped, ids follow
     * the list's order. @return how many new rows were written
     */
    public int createAll(DSLContext tx, long organizationId, List<NewNotification> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        int n = rows.size();
        var profileIds = new Long[n];
        var kinds = new String[n];
        var dedupeKeys = new String[n];
        var payloads = new String[n];
        for (int i = 0; i < n; i++) {
            var row = rows.get(i);
            profileIds[i] = row.profileId();
            kinds[i] = row.kind().key();
            dedupeKeys[i] = row.dedupeKey();
            payloads[i] = row.payloadJson();
        }
        return tx.execute(
                INSERT_ALL,
                DSL.val(organizationId),
                DSL.val(profileIds, SQLDataType.BIGINT.array()),
                DSL.val(kinds, SQLDataType.VARCHAR.array()),
                DSL.val(dedupeKeys, SQLDataType.VARCHAR.array()),
                DSL.val(payloads, SQLDataType.VARCHAR.array()),
                DSL.val(clock.instant().atOffset(ZoneOffset.UTC)));
    }

    /** Newest first, at most {@code limit}. */
    public List<Notification> list(long organizationId, Optional<Long> profileId, int limit) {
        return transactions.inOrganization(organizationId, tx -> {
            var condition = NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId);
            if (profileId.isPresent()) {
                condition = condition.and(NOTIFICATIONS.PROFILE_ID.eq(profileId.get()));
            }
            return selectNotifications(tx)
                    .where(condition)
                    .orderBy(NOTIFICATIONS.CREATED_AT.desc(), NOTIFICATIONS.ID.desc())
                    .limit(limit)
                    .fetch(NotificationStore::toNotification);
        });
    }

    /**
     * One page of the feed in the order notifications became visible (ADR 0040): one index range
     * of {@code notifications_feed_idx} or {@code notifications_profile_feed_idx}.
     */
    public FeedPage page(long organizationId, FeedQuery query) {
        return transactions.inOrganization(organizationId, tx -> {
            var condition = NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId).and(SETTLED);
            if (query.profileId().isPresent()) {
                condition = condition.and(
                        NOTIFICATIONS.PROFILE_ID.eq(query.profileId().get()));
            }
            if (!query.after().equals(FeedCursor.START)) {
                condition = condition.and(DSL.condition(
                        "({0}, {1}) > ({2}::text::xid8, {3})",
                        CREATED_XID,
                        NOTIFICATIONS.ID,
                        DSL.val(Long.toString(query.after().transaction())),
                        DSL.val(query.after().id())));
            }
            if (query.unreadOnly()) {
                condition = condition.and(NOTIFICATIONS.READ_AT.isNull());
            }
            var rows = tx.select(
                            NOTIFICATIONS.ID,
                            NOTIFICATIONS.PROFILE_ID,
                            PROFILES.EMAIL,
                            NOTIFICATIONS.KIND,
                            NOTIFICATIONS.DEDUPE_KEY,
                            NOTIFICATIONS.PAYLOAD,
                            NOTIFICATIONS.CREATED_AT,
                            NOTIFICATIONS.READ_AT,
                            CREATED_XID_NUMBER)
                    .from(NOTIFICATIONS)
                    .join(PROFILES)
                    .on(PROFILES.ID.eq(NOTIFICATIONS.PROFILE_ID))
                    .where(condition)
                    .orderBy(CREATED_XID, NOTIFICATIONS.ID)
                    .limit(query.limit())
                    .fetch();
            if (rows.isEmpty()) {
                return new FeedPage(List.of(), query.after());
            }
            var last = rows.getLast();
            return new FeedPage(
                    rows.map(r -> toNotification(r.into(
                            NOTIFICATIONS.ID,
                            NOTIFICATIONS.PROFILE_ID,
                            PROFILES.EMAIL,
                            NOTIFICATIONS.KIND,
                            NOTIFICATIONS.DEDUPE_KEY,
                            NOTIFICATIONS.PAYLOAD,
                            NOTIFICATIONS.CREATED_AT,
                            NOTIFICATIONS.READ_AT))),
                    new FeedCursor(last.value9(), last.value1()));
        });
    }

    /** Whether the organization has a profile with this id (an empty page of an unknown person is a 404). */
    public boolean hasProfile(long organizationId, long profileId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.fetchExists(
                        PROFILES, PROFILES.ORGANIZATION_ID.eq(organizationId).and(PROFILES.ID.eq(profileId))));
    }

    /**
     * Marks notifications read, with {@code actor}'s audit row in the same transaction. A
     * notification read before keeps its first read time, so marking twice changes nothing.
     *
     * @return the notifications as they are now, by id
     * @throws ScorelineException not found (and nothing marked) when an id is not a notification of the organization
     */
    public List<Notification> markRead(long organizationId, Collection<Long> ids, Actor actor) {
        var wanted = new TreeSet<>(ids);
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        return transactions.inOrganization(organizationId, tx -> {
            var marked = tx.update(NOTIFICATIONS)
                    .set(NOTIFICATIONS.READ_AT, DSL.coalesce(NOTIFICATIONS.READ_AT, DSL.val(now)))
                    .where(NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId))
                    .and(NOTIFICATIONS.ID.in(wanted))
                    .returning(NOTIFICATIONS.ID)
                    .fetch(NOTIFICATIONS.ID);
            if (marked.size() != wanted.size()) {
                var missing = new TreeSet<>(wanted);
                marked.forEach(missing::remove);
                // Thrown inside the transaction: it rolls back what was marked.
                throw ScorelineException.notFound("no notification " + missing.first());
            }
            AuditLog.append(
                    tx,
                    organizationId,
                    new AuditEntry(
                            actor,
                            "notification.read",
                            wanted.size() == 1 ? "notification:" + wanted.first() : "notifications",
                            Map.of("ids", List.copyOf(wanted))));
            return selectNotifications(tx)
                    .where(NOTIFICATIONS.ORGANIZATION_ID.eq(organizationId))
                    .and(NOTIFICATIONS.ID.in(wanted))
                    .orderBy(NOTIFICATIONS.ID)
                    .fetch(NotificationStore::toNotification);
        });
    }

    private static SelectJoinStep<Record8<Long, Long, String, String, String, JSONB, OffsetDateTime, OffsetDateTime>>
            selectNotifications(DSLContext tx) {
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
                .on(PROFILES.ID.eq(NOTIFICATIONS.PROFILE_ID));
    }

    private static Notification toNotification(
            Record8<Long, Long, String, String, String, JSONB, OffsetDateTime, OffsetDateTime> r) {
        return new Notification(
                r.value1(),
                r.value2(),
                r.value3(),
                NotificationKind.fromKey(r.value4()),
                r.value5(),
                r.value6().data(),
                r.value7().toInstant(),
                Optional.ofNullable(r.value8()).map(t -> t.toInstant()));
    }
}
