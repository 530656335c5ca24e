package io.scoreline.gamification;

import static io.scoreline.pipeline.db.Tables.KPI_CHANGES;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record6;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the {@code kpi_changes} outbox (DESIGN §4.4). Per organization with due rows, one
 * transaction claims a batch ({@code FOR UPDATE SKIP LOCKED}, so workers on any node take disjoint
 * rows), groups it per person and hands each person's cells to every {@link KpiChangeConsumer} in a
 * savepoint, under a transaction-scoped advisory lock on the person so that two workers never
 * evaluate one person at once (the loser leaves the rows for a later pass). A person whose
 * evaluation fails is rolled back to the savepoint and retried later with backoff; the others commit.
 */
public final class KpiChangeDrain {

    private static final Logger LOG = LoggerFactory.getLogger(KpiChangeDrain.class);
    private static final long RETRYABLE_BACKOFF_SECONDS = 1;
    private static final long FAILURE_BACKOFF_SECONDS = 60;
    private static final long MAX_BACKOFF_SECONDS = 3600;
    /** A transaction-scoped advisory lock per person, two-key form in the evaluator's own namespace. */
    private static final String PROFILE_LOCK =
            "pg_try_advisory_xact_lock(hashtext('scoreline.evaluator'), ({0} % 2147483647)::int)";

    private final TenantTransactions transactions;
    private final OrganizationStore organizations;
    private final List<KpiChangeConsumer> consumers;
    private final int batchSize;
    private final Clock clock;

    public KpiChangeDrain(
            TenantTransactions transactions,
            OrganizationStore organizations,
            List<KpiChangeConsumer> consumers,
            EvaluatorSettings settings,
            Clock clock) {
        this.transactions = transactions;
        this.organizations = organizations;
        this.consumers = List.copyOf(consumers);
        this.batchSize = settings.batchSize();
        this.clock = clock;
    }

    /** One pass: one batch from each organization that has rows due now. */
    public DrainReport drainOnce() {
        var now = now();
        var due = transactions.withoutOrganization(tx -> tx.resultQuery(
                        "select organization_id from scoreline_orgs_with_pending_changes(?::timestamptz)", now)
                .fetch(r -> r.get(0, Long.class)));
        var report = DrainReport.EMPTY;
        for (long organizationId : due) {
            try {
                var organization = organizations.require(organizationId);
                report = report.plus(transactions.inOrganization(organizationId, tx -> drainBatch(tx, organization)));
            } catch (ScorelineException e) {
                // Claimed rows were released by the rollback; the next pass claims them again.
                LOG.warn("Evaluating organization {} failed ({}): {}", organizationId, e.kind(), e.getMessage());
            }
        }
        return report;
    }

    /** Passes until one processes nothing: everything due now is done, failing or busy people aside. */
    public DrainReport drainUntilEmpty() {
        var total = DrainReport.EMPTY;
        while (true) {
            var pass = drainOnce();
            total = total.plus(pass);
            if (pass.processed() == 0) {
                return total;
            }
        }
    }

    private DrainReport drainBatch(DSLContext tx, Organization organization) {
        var now = now();
        var rows = tx.select(
                        KPI_CHANGES.ID,
                        KPI_CHANGES.PROFILE_ID,
                        KPI_CHANGES.KPI_KEY,
                        KPI_CHANGES.PERIOD_DATE,
                        KPI_CHANGES.ORIGIN,
                        KPI_CHANGES.NOTIFY)
                .from(KPI_CHANGES)
                .where(KPI_CHANGES.ORGANIZATION_ID.eq(organization.id()))
                .and(KPI_CHANGES.PROCESSED_AT.isNull())
                .and(KPI_CHANGES.NEXT_ATTEMPT_AT.isNull().or(KPI_CHANGES.NEXT_ATTEMPT_AT.le(now)))
                // Taking the person's lock while scanning partitions the outbox by person: rows of people
                // another worker holds are passed over instead of claimed and then deferred.
                .and(DSL.condition(PROFILE_LOCK, KPI_CHANGES.PROFILE_ID))
                .orderBy(KPI_CHANGES.ID)
                .limit(batchSize)
                .forUpdate()
                .skipLocked()
                .fetch();
        var byProfile =
                new LinkedHashMap<Long, List<Record6<Long, Long, String, java.time.LocalDate, String, Boolean>>>();
        rows.forEach(r ->
                byProfile.computeIfAbsent(r.value2(), p -> new ArrayList<>()).add(r));
        int processed = 0;
        int failed = 0;
        int deferred = 0;
        int profiles = 0;
        if (rows.isEmpty()) {
            return new DrainReport(1, 0, 0, 0, 0, 0);
        }
        var locked = lockProfiles(tx, byProfile.keySet());
        var people = new ArrayList<ProfileChanges>(byProfile.size());
        byProfile.forEach((profileId, profileRows) -> {
            if (locked.contains(profileId)) {
                people.add(changesOf(organization, profileId, profileRows));
            }
        });
        // What every person of the claim reads alike is read once per claim (ADR 0052), outside the savepoints.
        var claimConsumers = new ArrayList<KpiChangeConsumer.ClaimConsumer>(consumers.size());
        for (var consumer : consumers) {
            claimConsumers.add(consumer.forClaim(tx, organization, people));
        }
        var done = new ArrayList<Long>(rows.size());
        for (var entry : byProfile.entrySet()) {
            if (!locked.contains(entry.getKey())) {
                deferred += entry.getValue().size();
            }
        }
        for (var changes : people) {
            var ids = byProfile.get(changes.profileId()).stream()
                    .map(Record6::value1)
                    .toArray(Long[]::new);
            try {
                tx.transaction(nested -> {
                    var savepoint = DSL.using(nested);
                    for (var consumer : claimConsumers) {
                        consumer.apply(savepoint, changes);
                    }
                });
                done.addAll(List.of(ids));
                processed += ids.length;
                profiles++;
            } catch (RuntimeException e) {
                failed += ids.length;
                recordFailure(tx, organization, changes.profileId(), ids, e, now);
            }
        }
        // One statement for the whole claim: the rows commit (or roll back) with it either way.
        if (!done.isEmpty()) {
            tx.update(KPI_CHANGES)
                    .set(KPI_CHANGES.PROCESSED_AT, now)
                    .where(KPI_CHANGES.ID.eq(DSL.any(done.toArray(Long[]::new))))
                    .execute();
        }
        return new DrainReport(1, rows.size(), processed, failed, deferred, profiles);
    }

    /**
     * The people of the claim whose lock this transaction holds, in one statement. Re-entrant within
     * the transaction: true for every person the claim's scan already locked.
     */
    private static Set<Long> lockProfiles(DSLContext tx, Collection<Long> profileIds) {
        var profile = DSL.field(DSL.name("p"), Long.class);
        return new HashSet<>(tx.select(profile)
                .from(DSL.unnest(DSL.val(profileIds.toArray(Long[]::new), SQLDataType.BIGINT.array()))
                        .as("u", "p"))
                .where(DSL.condition(PROFILE_LOCK, profile))
                .fetch(profile));
    }

    private static ProfileChanges changesOf(
            Organization organization,
            long profileId,
            List<Record6<Long, Long, String, java.time.LocalDate, String, Boolean>> rows) {
        var cells = new java.util.HashSet<KpiDay>();
        boolean notifies = false;
        for (var row : rows) {
            cells.add(new KpiDay(row.value3(), row.value4()));
            // Live changes always notify; backfill changes only when the backfill ran with --notify.
            notifies |= "live".equals(row.value5()) || Boolean.TRUE.equals(row.value6());
        }
        return new ProfileChanges(organization, profileId, cells, notifies);
    }

    private void recordFailure(
            DSLContext tx,
            Organization organization,
            long profileId,
            Long[] ids,
            RuntimeException e,
            OffsetDateTime now) {
        boolean retryable = retryable(e);
        LOG.warn(
                "Evaluating profile {} of {} failed ({}), will retry: {}",
                profileId,
                organization.slug(),
                retryable ? "retryable" : "error",
                e.getMessage(),
                e);
        long base = retryable ? RETRYABLE_BACKOFF_SECONDS : FAILURE_BACKOFF_SECONDS;
        var message = String.valueOf(e.getMessage());
        tx.execute(
                """
                update kpi_changes
                   set attempts = attempts + 1, last_error = ?,
                       next_attempt_at = ?::timestamptz + least(? * power(2, least(attempts, 16)), ?) * interval '1 second'
                 where id = any(?)""", message.length() > 500 ? message.substring(0, 500) : message, now, base, MAX_BACKOFF_SECONDS, ids);
    }

    /** Serialization failures and deadlocks (SQLSTATE class 40) and transient failures are worth a quick retry. */
    @SuppressWarnings("ReferenceEquality") // a cause that is the exception itself ends the chain: identity on purpose
    private static boolean retryable(Throwable e) {
        for (var t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException data
                    && data.sqlState() != null
                    && data.sqlState().startsWith("40")) {
                return true;
            }
            if (t instanceof ScorelineException scoreline && scoreline.kind() == FailureKind.RETRYABLE) {
                return true;
            }
        }
        return false;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}
