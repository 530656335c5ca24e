package io.scoreline.pipeline.runs;

import static io.scoreline.pipeline.db.Tables.SYNC_RUNS;

import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.db.tables.records.SyncRunsRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Records every run: started, counted page by page (inside each page's transaction, so the
 * counters match what committed), and finished with a status and, on failure, its kind and message.
 */
public final class SyncRunStore {

    private final TenantTransactions transactions;
    private final Clock clock;

    public SyncRunStore(TenantTransactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    public long start(
            long organizationId,
            long integrationId,
            SyncTrigger trigger,
            Optional<Instant> from,
            Optional<Instant> to) {
        return start(organizationId, integrationId, trigger, from, to, "{}");
    }

    /** Starts a run that keeps options a resume needs (a backfill's {@code notify}), as a JSON object. */
    public long start(
            long organizationId,
            long integrationId,
            SyncTrigger trigger,
            Optional<Instant> from,
            Optional<Instant> to,
            String optionsJson) {
        return start(organizationId, integrationId, trigger, from, to, optionsJson, (tx, runId) -> {});
    }

    /**
     * Starts a run and does {@code alsoCommit} with its id in the same transaction: the audit row
     * of a run started through the API commits with the run or not at all.
     */
    public long start(
            long organizationId,
            long integrationId,
            SyncTrigger trigger,
            Optional<Instant> from,
            Optional<Instant> to,
            String optionsJson,
            BiConsumer<DSLContext, Long> alsoCommit) {
        return transactions.inOrganization(organizationId, tx -> {
            long runId = tx.insertInto(SYNC_RUNS)
                    .set(SYNC_RUNS.OPTIONS, org.jooq.JSONB.valueOf(optionsJson))
                    .set(SYNC_RUNS.ORGANIZATION_ID, organizationId)
                    .set(SYNC_RUNS.INTEGRATION_ID, integrationId)
                    .set(SYNC_RUNS.TRIGGER, trigger.key())
                    .set(SYNC_RUNS.WINDOW_FROM, from.map(SyncRunStore::utc).orElse(null))
                    .set(SYNC_RUNS.WINDOW_TO, to.map(SyncRunStore::utc).orElse(null))
                    .set(SYNC_RUNS.STARTED_AT, utc(clock.instant()))
                    .returning(SYNC_RUNS.ID)
                    .fetchSingle(SYNC_RUNS.ID);
            alsoCommit.accept(tx, runId);
            return runId;
        });
    }

    /** Adds a committed page's counts; call it inside that page's transaction. */
    public void count(DSLContext tx, long runId, long records, long facts, int apiCalls) {
        tx.update(SYNC_RUNS)
                .set(SYNC_RUNS.RECORDS_READ, SYNC_RUNS.RECORDS_READ.plus(records))
                .set(SYNC_RUNS.FACTS_CHANGED, SYNC_RUNS.FACTS_CHANGED.plus(facts))
                .set(SYNC_RUNS.API_CALLS, SYNC_RUNS.API_CALLS.plus(apiCalls))
                .where(SYNC_RUNS.ID.eq(runId))
                .execute();
    }

    public void finish(
            long organizationId, long runId, SyncStatus status, Optional<String> errorKind, Optional<String> message) {
        finish(organizationId, runId, status, errorKind, message, tx -> {});
    }

    /**
     * Finishes the run and does {@code alsoCommit} in the same transaction, so that what depends on
     * the run's outcome (a backfill handing its cursors to the live sync) commits with it or not at all.
     */
    public void finish(
            long organizationId,
            long runId,
            SyncStatus status,
            Optional<String> errorKind,
            Optional<String> message,
            Consumer<DSLContext> alsoCommit) {
        transactions.inOrganization(organizationId, tx -> {
            tx.update(SYNC_RUNS)
                    .set(SYNC_RUNS.STATUS, status.key())
                    .set(SYNC_RUNS.FINISHED_AT, utc(clock.instant()))
                    .set(
                            SYNC_RUNS.ERROR_KIND,
                            errorKind.map(k -> k.toLowerCase(Locale.ROOT)).orElse(null))
                    .set(SYNC_RUNS.ERROR_MESSAGE, message.orElse(null))
                    .where(SYNC_RUNS.ID.eq(runId))
                    .execute();
            alsoCommit.accept(tx);
            return null;
        });
    }

    /** Marks an interrupted or partial run as running again, for {@code backfill --resume}. */
    public void reopen(long organizationId, long runId) {
        reopen(organizationId, runId, tx -> {});
    }

    /** Reopens the run and does {@code alsoCommit} (an audit row) in the same transaction. */
    public void reopen(long organizationId, long runId, Consumer<DSLContext> alsoCommit) {
        transactions.inOrganization(organizationId, tx -> {
            tx.update(SYNC_RUNS)
                    .set(SYNC_RUNS.STATUS, SyncStatus.RUNNING.key())
                    .setNull(SYNC_RUNS.FINISHED_AT)
                    .setNull(SYNC_RUNS.ERROR_KIND)
                    .setNull(SYNC_RUNS.ERROR_MESSAGE)
                    .where(SYNC_RUNS.ID.eq(runId))
                    .execute();
            alsoCommit.accept(tx);
            return null;
        });
    }

    /** The integration's newest run still marked running, if any: what a refused second start names. */
    public Optional<SyncRun> running(long organizationId, long integrationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(SYNC_RUNS)
                        .where(SYNC_RUNS.INTEGRATION_ID.eq(integrationId))
                        .and(SYNC_RUNS.STATUS.eq(SyncStatus.RUNNING.key()))
                        .orderBy(SYNC_RUNS.ID.desc())
                        .limit(1)
                        .fetchOptional(SyncRunStore::toRun));
    }

    /**
     * The organization's runs, newest (highest id) first, after the run {@code afterId} if given,
     * narrowed to an integration, a trigger and a status when given.
     */
    public List<SyncRun> page(
            long organizationId,
            Optional<Long> integrationId,
            Optional<SyncTrigger> trigger,
            Optional<SyncStatus> status,
            Optional<Long> afterId,
            int limit) {
        var where = new ArrayList<Condition>();
        integrationId.ifPresent(id -> where.add(SYNC_RUNS.INTEGRATION_ID.eq(id)));
        trigger.ifPresent(t -> where.add(SYNC_RUNS.TRIGGER.eq(t.key())));
        status.ifPresent(s -> where.add(SYNC_RUNS.STATUS.eq(s.key())));
        afterId.ifPresent(id -> where.add(SYNC_RUNS.ID.lt(id)));
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(SYNC_RUNS)
                        .where(where)
                        .orderBy(SYNC_RUNS.ID.desc())
                        .limit(limit)
                        .fetch(SyncRunStore::toRun));
    }

    /** A boolean option the run was started with. */
    public boolean option(long organizationId, long runId, String name) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.select(org.jooq.impl.DSL.field(
                                "coalesce(({0} ->> {1})::boolean, false)",
                                Boolean.class, SYNC_RUNS.OPTIONS, org.jooq.impl.DSL.val(name)))
                        .from(SYNC_RUNS)
                        .where(SYNC_RUNS.ID.eq(runId))
                        .fetchOptional(0, Boolean.class)
                        .orElse(false));
    }

    /** A list-of-text option the run was started with, empty when it has none. */
    public List<String> texts(long organizationId, long runId, String name) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.select(org.jooq.impl.DSL.field(
                                "jsonb_array_elements_text(coalesce({0} -> {1}, '[]'::jsonb))",
                                String.class, SYNC_RUNS.OPTIONS, org.jooq.impl.DSL.val(name)))
                        .from(SYNC_RUNS)
                        .where(SYNC_RUNS.ID.eq(runId))
                        .fetch(0, String.class));
    }

    public List<SyncRun> recent(long organizationId, long integrationId, int limit) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(SYNC_RUNS)
                        .where(SYNC_RUNS.INTEGRATION_ID.eq(integrationId))
                        .orderBy(SYNC_RUNS.STARTED_AT.desc(), SYNC_RUNS.ID.desc())
                        .limit(limit)
                        .fetch(SyncRunStore::toRun));
    }

    /**
     * The newest run of the integration that ended with data read (succeeded, or partial: it
     * stopped early on purpose and what it read is committed); empty when none has.
     */
    public Optional<SyncRun> lastCompleted(long organizationId, long integrationId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(SYNC_RUNS)
                        .where(SYNC_RUNS.INTEGRATION_ID.eq(integrationId))
                        .and(SYNC_RUNS.STATUS.in(SyncStatus.SUCCEEDED.key(), SyncStatus.PARTIAL.key()))
                        .and(SYNC_RUNS.FINISHED_AT.isNotNull())
                        .orderBy(SYNC_RUNS.FINISHED_AT.desc(), SYNC_RUNS.ID.desc())
                        .limit(1)
                        .fetchOptional(SyncRunStore::toRun));
    }

    public Optional<SyncRun> find(long organizationId, long runId) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.selectFrom(SYNC_RUNS).where(SYNC_RUNS.ID.eq(runId)).fetchOptional(SyncRunStore::toRun));
    }

    private static SyncRun toRun(SyncRunsRecord r) {
        return new SyncRun(
                r.getId(),
                r.getIntegrationId(),
                SyncTrigger.valueOf(r.getTrigger().toUpperCase(Locale.ROOT)),
                Optional.ofNullable(r.getWindowFrom()).map(OffsetDateTime::toInstant),
                Optional.ofNullable(r.getWindowTo()).map(OffsetDateTime::toInstant),
                SyncStatus.fromKey(r.getStatus()),
                r.getStartedAt().toInstant(),
                Optional.ofNullable(r.getFinishedAt()).map(OffsetDateTime::toInstant),
                r.getRecordsRead(),
                r.getFactsChanged(),
                r.getApiCalls(),
                Optional.ofNullable(r.getErrorKind()),
                Optional.ofNullable(r.getErrorMessage()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
