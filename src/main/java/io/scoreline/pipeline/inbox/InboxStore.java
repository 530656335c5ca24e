package io.scoreline.pipeline.inbox;

import static io.scoreline.pipeline.db.Tables.INTEGRATIONS;
import static io.scoreline.pipeline.db.Tables.WEBHOOK_INBOX;

import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.audit.Actor;
import io.scoreline.pipeline.audit.AuditEntry;
import io.scoreline.pipeline.audit.AuditLog;
import io.scoreline.pipeline.database.BinaryArrayParam;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.db.tables.records.WebhookInboxRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@code webhook_inbox} table: insert (a redelivery hits the dedupe key and is dropped),
 * claim with {@code FOR UPDATE SKIP LOCKED} under a lease, mark done or failed with backoff,
 * list and replay. Every method works inside one organization's transaction, except the look-up
 * of organizations with due rows, which goes through the owner-run directory function.
 */
public final class InboxStore {

    private static final int MAX_ERROR_LENGTH = 2000;

    // One statement whatever the batch size: columns as arrays, turned back into rows by unnest
    // (a hundred-event batch as multi-row VALUES was 1,100 bind parameters to parse and plan),
    // in PostgreSQL's binary array format, so raw bodies are copied, not escaped and parsed (ADR 0014).
    private static final String INSERT = """
            insert into webhook_inbox (organization_id, integration_id, provider, dedupe_key, object_type, record_id, event_type,
                                       occurred_at, raw_body, received_at, next_attempt_at)
            select {0}, {1}, e.provider, e.dedupe_key, e.object_type, e.record_id, e.event_type,
                   timestamptz 'epoch' + e.occurred_micros * interval '1 microsecond', e.raw_body, {2}, {3}
              from unnest({4}, {5}, {6}, {7}, {8}, {9}, {10})
                   as e(provider, dedupe_key, object_type, record_id, event_type, occurred_micros, raw_body)
            on conflict (dedupe_key) do nothing""";

    private final TenantTransactions transactions;

    public InboxStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Inserts the events in one transaction; returns how many were new (duplicates are skipped).
     * When this returns, the events are committed: the caller may acknowledge them.
     *
     * @param dueAt when workers may first take them (now plus the coalescing window)
     */
    public int insert(
            long organizationId, long integrationId, List<InboxEvent> events, Instant receivedAt, Instant dueAt) {
        if (events.isEmpty()) {
            return 0;
        }
        return transactions.inOrganization(
                organizationId, tx -> insert(tx, organizationId, integrationId, events, receivedAt, dueAt));
    }

    /**
     * Inserts several requests' events in one transaction of the organization (group commit, ADR
     * 0053): one statement per integration of each request, so each request learns how many of its
     * own events were new. When this returns, all of them are committed.
     *
     * @return per request, in order, how many of its events were new
     */
    List<Integer> insertAll(long organizationId, List<List<InboxGroupCommit.Insert>> requests) {
        return transactions.inOrganization(organizationId, tx -> {
            var counts = new java.util.ArrayList<Integer>(requests.size());
            for (var request : requests) {
                int inserted = 0;
                for (var insert : request) {
                    inserted += insert(
                            tx,
                            insert.organizationId(),
                            insert.integrationId(),
                            insert.events(),
                            insert.receivedAt(),
                            insert.dueAt());
                }
                counts.add(inserted);
            }
            return counts;
        });
    }

    /**
     * Schedules one read of each record, inside the transaction that applied changes to it from
     * their events (ADR 0016). Records changed again before the read is due share it: the dedupe
     * key names the period of {@code verifyAfter} the read falls in.
     */
    public void scheduleVerifications(
            DSLContext tx,
            long organizationId,
            long integrationId,
            CrmProvider provider,
            String objectType,
            Collection<String> recordIds,
            Instant now,
            Duration verifyAfter) {
        var dueAt = now.plus(verifyAfter);
        long period = dueAt.toEpochMilli() / Math.max(1, verifyAfter.toMillis());
        var events = recordIds.stream()
                .map(id -> new InboxEvent(
                        provider,
                        InboxEvent.VERIFY + ":" + objectType + ":" + id + ":" + period,
                        Optional.of(objectType),
                        id,
                        InboxEvent.VERIFY,
                        Optional.empty(),
                        "{}"))
                .toList();
        insert(tx, organizationId, integrationId, events, now, dueAt);
    }

    /**
     * Makes the scheduled verifications of every organization due now; returns how many. For
     * {@link InboxWorkers#drain}, which processes everything there is.
     */
    public int verifyNow(Instant now) {
        int moved = 0;
        // Any organization with a waiting row; verifications are due at most a setting's length away.
        for (long organizationId : dueOrganizations(now.plus(Duration.ofDays(3650)))) {
            moved += transactions.inOrganization(
                    organizationId,
                    tx -> tx.update(WEBHOOK_INBOX)
                            .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, offset(now))
                            .where(WEBHOOK_INBOX.STATUS.eq(InboxStatus.PENDING.key()))
                            .and(WEBHOOK_INBOX.EVENT_TYPE.eq(InboxEvent.VERIFY))
                            .and(WEBHOOK_INBOX.ATTEMPTS.eq(0))
                            .and(WEBHOOK_INBOX.NEXT_ATTEMPT_AT.gt(offset(now)))
                            .execute());
        }
        return moved;
    }

    private int insert(
            DSLContext tx,
            long organizationId,
            long integrationId,
            List<InboxEvent> events,
            Instant receivedAt,
            Instant dueAt) {
        if (events.isEmpty()) {
            return 0;
        }
        int n = events.size();
        var providers = new String[n];
        var dedupeKeys = new String[n];
        var objectTypes = new String[n];
        var recordIds = new String[n];
        var eventTypes = new String[n];
        var occurredAts = new Instant[n];
        var rawBodies = new String[n];
        for (int i = 0; i < n; i++) {
            var event = events.get(i);
            providers[i] = event.provider().key();
            dedupeKeys[i] = scopedKey(integrationId, event);
            objectTypes[i] = event.objectType().orElse(null);
            recordIds[i] = event.recordId();
            eventTypes[i] = event.eventType();
            occurredAts[i] = event.occurredAt().orElse(null);
            rawBodies[i] = event.rawBody();
        }
        return tx.execute(
                INSERT,
                DSL.val(organizationId),
                DSL.val(integrationId),
                DSL.val(offset(receivedAt), SQLDataType.TIMESTAMPWITHTIMEZONE),
                DSL.val(offset(dueAt), SQLDataType.TIMESTAMPWITHTIMEZONE),
                BinaryArrayParam.varchars(providers),
                BinaryArrayParam.varchars(dedupeKeys),
                BinaryArrayParam.varchars(objectTypes),
                BinaryArrayParam.varchars(recordIds),
                BinaryArrayParam.varchars(eventTypes),
                BinaryArrayParam.epochMicros(occurredAts),
                BinaryArrayParam.varchars(rawBodies));
    }

    /** The dedupe key is unique across the table; the integration id keeps two tenants' event ids apart. */
    static String scopedKey(long integrationId, InboxEvent event) {
        return event.provider().key() + ":" + integrationId + ":" + event.dedupeKey();
    }

    /** Organizations with rows due at {@code now} (pending, or claimed under a lease that ran out). */
    public List<Long> dueOrganizations(Instant now) {
        return transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select organization_id from scoreline_inbox_due_organizations({0})",
                        DSL.val(offset(now), SQLDataType.TIMESTAMPWITHTIMEZONE))
                .fetch(0, Long.class));
    }

    /**
     * Claims up to {@code limit} due rows of the organization, oldest first, skipping rows another
     * worker holds: they become {@code processing} with one more attempt, and claimable again
     * when the lease runs out (the worker died).
     */
    public List<InboxEntry> claim(long organizationId, Instant now, java.time.Duration lease, int limit) {
        return transactions.inOrganization(organizationId, tx -> {
            var due = tx.select(WEBHOOK_INBOX.ID)
                    .from(WEBHOOK_INBOX)
                    .where(WEBHOOK_INBOX.STATUS.in(InboxStatus.PENDING.key(), InboxStatus.PROCESSING.key()))
                    .and(WEBHOOK_INBOX.NEXT_ATTEMPT_AT.le(offset(now)))
                    .orderBy(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, WEBHOOK_INBOX.ID)
                    .limit(limit)
                    .forUpdate()
                    .skipLocked()
                    .fetch(WEBHOOK_INBOX.ID);
            if (due.isEmpty()) {
                return List.of();
            }
            return tx
                    .update(WEBHOOK_INBOX)
                    .set(WEBHOOK_INBOX.STATUS, InboxStatus.PROCESSING.key())
                    .set(WEBHOOK_INBOX.ATTEMPTS, WEBHOOK_INBOX.ATTEMPTS.plus(1))
                    .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, offset(now.plus(lease)))
                    .where(WEBHOOK_INBOX.ID.eq(DSL.any(idArray(due))))
                    .returning()
                    .fetch(InboxStore::toEntry)
                    .stream()
                    .sorted(java.util.Comparator.comparingLong(InboxEntry::id))
                    .toList();
        });
    }

    /** Marks rows written, inside the transaction that wrote their records. */
    public void markDone(DSLContext tx, Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        tx.update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.STATUS, InboxStatus.DONE.key())
                .set(WEBHOOK_INBOX.PROCESSED_AT, offset(now))
                .set(WEBHOOK_INBOX.LAST_ERROR, (String) null)
                .where(WEBHOOK_INBOX.ID.eq(DSL.any(idArray(ids))))
                .execute();
    }

    /**
     * Ids as one binary array parameter: a claim of thousands of rows as {@code in (…)} was as
     * many bind parameters, each parsed and planned (ADR 0053).
     */
    private static org.jooq.Param<Long[]> idArray(Collection<Long> ids) {
        return BinaryArrayParam.bigints(ids.toArray(Long[]::new));
    }

    /** Marks rows done in a transaction of their own (events about nothing the rules read). */
    public void markDone(long organizationId, Collection<Long> ids, Instant now) {
        transactions.inOrganization(organizationId, tx -> {
            markDone(tx, ids, now);
            return null;
        });
    }

    /**
     * Records a failed attempt: the rows wait for their backoff, or are parked as {@code failed}
     * once they have had {@code maxAttempts}, or at once when the failure is not {@code retried}.
     */
    public void markFailed(
            long organizationId,
            Collection<InboxEntry> entries,
            String error,
            Instant now,
            InboxSettings settings,
            boolean retried) {
        var message = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        transactions.inOrganization(organizationId, tx -> {
            for (var entry : entries) {
                boolean parked = !retried || entry.attempts() >= settings.maxAttempts();
                tx.update(WEBHOOK_INBOX)
                        .set(WEBHOOK_INBOX.STATUS, parked ? InboxStatus.FAILED.key() : InboxStatus.PENDING.key())
                        .set(WEBHOOK_INBOX.LAST_ERROR, message)
                        .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, offset(now.plus(settings.backoffAfter(entry.attempts()))))
                        .where(WEBHOOK_INBOX.ID.eq(entry.id()))
                        .execute();
            }
            return null;
        });
    }

    public List<InboxEntry> list(long organizationId, Optional<InboxStatus> status, int limit) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(WEBHOOK_INBOX)
                        .where(status.map(s -> WEBHOOK_INBOX.STATUS.eq(s.key())).orElse(DSL.noCondition()))
                        .orderBy(WEBHOOK_INBOX.ID.desc())
                        .limit(limit)
                        .fetch(InboxStore::toEntry));
    }

    public Optional<InboxEntry> find(long organizationId, long id) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(WEBHOOK_INBOX)
                        .where(WEBHOOK_INBOX.ID.eq(id))
                        .fetchOptional(InboxStore::toEntry));
    }

    /**
     * One page of the organization's events, newest first: those below {@code beforeId}, of one
     * integration and in one status when asked.
     */
    public List<InboxEntry> page(
            long organizationId,
            Optional<Long> integrationId,
            Optional<InboxStatus> status,
            Optional<Long> beforeId,
            int limit) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(WEBHOOK_INBOX)
                        .where(WEBHOOK_INBOX.ORGANIZATION_ID.eq(organizationId))
                        .and(integrationId.map(WEBHOOK_INBOX.INTEGRATION_ID::eq).orElse(DSL.noCondition()))
                        .and(status.map(s -> WEBHOOK_INBOX.STATUS.eq(s.key())).orElse(DSL.noCondition()))
                        .and(beforeId.map(WEBHOOK_INBOX.ID::lt).orElse(DSL.noCondition()))
                        .orderBy(WEBHOOK_INBOX.ID.desc())
                        .limit(limit)
                        .fetch(InboxStore::toEntry));
    }

    /** Whether the organization has this integration (row-level security hides every other one). */
    public boolean hasIntegration(long organizationId, long integrationId) {
        return transactions.inOrganization(organizationId, tx -> hasIntegration(tx, organizationId, integrationId));
    }

    private static boolean hasIntegration(DSLContext tx, long organizationId, long integrationId) {
        return tx.fetchExists(
                INTEGRATIONS, INTEGRATIONS.ORGANIZATION_ID.eq(organizationId).and(INTEGRATIONS.ID.eq(integrationId)));
    }

    /**
     * Puts the integration's failed rows back to pending, with {@code actor}'s audit row in the same
     * transaction; returns their ids, newest first.
     *
     * @throws ScorelineException not found when the organization has no such integration
     */
    public List<Long> replayIntegration(long organizationId, long integrationId, Instant now, Actor actor) {
        return transactions.inOrganization(organizationId, tx -> {
            if (!hasIntegration(tx, organizationId, integrationId)) {
                throw ScorelineException.notFound("no integration " + integrationId);
            }
            var ids = replay(tx, WEBHOOK_INBOX.INTEGRATION_ID.eq(integrationId), now);
            AuditLog.append(
                    tx,
                    organizationId,
                    new AuditEntry(actor, "inbox.replay", "integration:" + integrationId, Map.of("events", ids)));
            return ids;
        });
    }

    /**
     * Puts one failed row back to pending, with {@code actor}'s audit row in the same transaction.
     *
     * @throws ScorelineException not found when the organization has no such event, a conflict when it is not failed
     */
    public void replayEvent(long organizationId, long eventId, Instant now, Actor actor) {
        transactions.inOrganization(organizationId, tx -> {
            var status = tx.select(WEBHOOK_INBOX.STATUS)
                    .from(WEBHOOK_INBOX)
                    .where(WEBHOOK_INBOX.ORGANIZATION_ID.eq(organizationId))
                    .and(WEBHOOK_INBOX.ID.eq(eventId))
                    .forUpdate()
                    .fetchOptional(WEBHOOK_INBOX.STATUS)
                    .map(InboxStatus::fromKey)
                    .orElseThrow(() -> ScorelineException.notFound("no inbox event " + eventId));
            if (status != InboxStatus.FAILED) {
                throw ScorelineException.conflict("inbox event " + eventId + " is " + status.key()
                        + ", not failed: only failed events are replayed");
            }
            replay(tx, WEBHOOK_INBOX.ID.eq(eventId), now);
            AuditLog.append(
                    tx,
                    organizationId,
                    new AuditEntry(
                            actor, "inbox.replay", "inbox_event:" + eventId, Map.of("events", List.of(eventId))));
            return null;
        });
    }

    private static List<Long> replay(DSLContext tx, org.jooq.Condition which, Instant now) {
        return tx
                .update(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.STATUS, InboxStatus.PENDING.key())
                .set(WEBHOOK_INBOX.ATTEMPTS, 0)
                .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, offset(now))
                .where(WEBHOOK_INBOX.STATUS.eq(InboxStatus.FAILED.key()))
                .and(which)
                .returning(WEBHOOK_INBOX.ID)
                .fetch(WEBHOOK_INBOX.ID)
                .stream()
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
    }

    /** Makes the organization's scheduled verifications due now; returns how many. */
    public int verifyNow(long organizationId, Instant now) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.update(WEBHOOK_INBOX)
                        .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, offset(now))
                        .where(WEBHOOK_INBOX.STATUS.eq(InboxStatus.PENDING.key()))
                        .and(WEBHOOK_INBOX.EVENT_TYPE.eq(InboxEvent.VERIFY))
                        .and(WEBHOOK_INBOX.ATTEMPTS.eq(0))
                        .and(WEBHOOK_INBOX.NEXT_ATTEMPT_AT.gt(offset(now)))
                        .execute());
    }

    /** Puts failed rows back to pending with fresh attempts; returns their ids, newest first (as {@link #list} orders). */
    public List<Long> replay(long organizationId, Optional<Long> id, Instant now) {
        return transactions
                .inOrganization(
                        organizationId,
                        tx -> tx.update(WEBHOOK_INBOX)
                                .set(WEBHOOK_INBOX.STATUS, InboxStatus.PENDING.key())
                                .set(WEBHOOK_INBOX.ATTEMPTS, 0)
                                .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, offset(now))
                                .where(WEBHOOK_INBOX.STATUS.eq(InboxStatus.FAILED.key()))
                                .and(id.map(WEBHOOK_INBOX.ID::eq).orElse(DSL.noCondition()))
                                .returning(WEBHOOK_INBOX.ID)
                                .fetch(WEBHOOK_INBOX.ID))
                .stream()
                .sorted(java.util.Comparator.reverseOrder())
                .toList();
    }

    private static InboxEntry toEntry(WebhookInboxRecord row) {
        return new InboxEntry(
                row.getId(),
                row.getOrganizationId(),
                row.getIntegrationId(),
                CrmProvider.fromKey(row.getProvider()),
                row.getDedupeKey(),
                Optional.ofNullable(row.getObjectType()),
                row.getRecordId(),
                row.getEventType(),
                Optional.ofNullable(row.getOccurredAt()).map(OffsetDateTime::toInstant),
                row.getRawBody(),
                InboxStatus.fromKey(row.getStatus()),
                row.getAttempts(),
                row.getNextAttemptAt().toInstant(),
                Optional.ofNullable(row.getLastError()),
                row.getReceivedAt().toInstant(),
                Optional.ofNullable(row.getProcessedAt()).map(OffsetDateTime::toInstant));
    }

    private static OffsetDateTime offset(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
