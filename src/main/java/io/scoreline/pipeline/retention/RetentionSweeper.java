package io.scoreline.pipeline.retention;

import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.runs.CheckpointStore;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;

/**
 * One retention sweep: for every organization, done webhook inbox rows, processed KPI change rows
 * and finished runs older than their configured age are deleted, at most {@code batchSize} rows per
 * transaction. Each transaction names one organization, so row-level security holds as for any
 * other work of the runtime role; the organizations come from the owner-run directory, which
 * exposes ids only. Pending, processing and failed rows are never touched, whatever their age.
 */
public final class RetentionSweeper {

    /** What a sweep deletes: each kind with its statement (organization, cutoff, batch size, in that order). */
    private enum Kind {

        /** Done inbox rows, oldest first; {@code webhook_inbox_done_idx} (V17) finds them. */
        INBOX("""
                delete from webhook_inbox where id in (
                    select id from webhook_inbox
                     where organization_id = ? and status = 'done' and processed_at < ?::timestamptz
                     order by processed_at limit ?)"""),

        /** Processed change rows, oldest first; {@code kpi_changes_processed_idx} (V17) finds them. */
        KPI_CHANGES("""
                delete from kpi_changes where id in (
                    select id from kpi_changes
                     where organization_id = ? and processed_at < ?::timestamptz
                     order by processed_at limit ?)"""),

        /**
         * Finished runs, oldest first, except the latest run of each integration (what `runs` and
         * an operator look at first) and a backfill that did not succeed and still has cursors:
         * `backfill --resume` continues it from them. A succeeded backfill's cursors go with it;
         * nothing reads them again (a live cursor it started is a copy). No table refers to a run
         * by key; cursors name it in their scope.
         */
        RUNS("""
                with doomed as (
                    select r.id, r.integration_id from sync_runs r
                     where r.organization_id = ? and r.status <> 'running' and r.finished_at < ?::timestamptz
                       and r.id <> (select l.id from sync_runs l where l.integration_id = r.integration_id
                                     order by l.started_at desc, l.id desc limit 1)
                       and (r.status = 'succeeded' or not exists (
                                select 1 from sync_checkpoints c
                                 where c.integration_id = r.integration_id and c.scope = '%1$s' || r.id))
                     order by r.id limit ?
                ), cursors as (
                    delete from sync_checkpoints c using doomed d
                     where c.integration_id = d.integration_id and c.scope = '%1$s' || d.id
                )
                delete from sync_runs r using doomed d where r.id = d.id""".formatted(CheckpointStore.BACKFILL_SCOPE_PREFIX));

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }
    }

    private final TenantTransactions transactions;
    private final RetentionSettings settings;
    private final Clock clock;

    public RetentionSweeper(TenantTransactions transactions, RetentionSettings settings, Clock clock) {
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sweeps every organization once. */
    public RetentionResult sweep() {
        return sweep(() -> false);
    }

    /** Sweeps every organization once, or until {@code stop} answers true between two transactions. */
    public RetentionResult sweep(BooleanSupplier stop) {
        var total = RetentionResult.NONE;
        for (long organizationId : organizations()) {
            if (stop.getAsBoolean()) {
                break;
            }
            total = total.plus(sweep(organizationId, stop));
        }
        return total;
    }

    /** Sweeps one organization: each kind of row until a batch comes back short. */
    private RetentionResult sweep(long organizationId, BooleanSupplier stop) {
        var inbox = deleteInBatches(organizationId, Kind.INBOX, settings.inboxDone(), stop);
        var changes = deleteInBatches(organizationId, Kind.KPI_CHANGES, settings.kpiChangesProcessed(), stop);
        var runs = deleteInBatches(organizationId, Kind.RUNS, settings.finishedRuns(), stop);
        return new RetentionResult(
                inbox.rows(),
                changes.rows(),
                runs.rows(),
                inbox.transactions() + changes.transactions() + runs.transactions());
    }

    private List<Long> organizations() {
        return transactions.withoutOrganization(
                tx -> tx.resultQuery("select id from scoreline_org_directory() order by id")
                        .fetch(0, Long.class));
    }

    private Deleted deleteInBatches(long organizationId, Kind kind, Duration age, BooleanSupplier stop) {
        var cutoff = OffsetDateTime.ofInstant(clock.instant().minus(age), ZoneOffset.UTC);
        long rows = 0;
        long batches = 0;
        while (!stop.getAsBoolean()) {
            int deleted =
                    transactions.inOrganization(organizationId, tx -> deleteBatch(tx, organizationId, kind, cutoff));
            rows += deleted;
            batches++;
            if (deleted < settings.batchSize()) {
                break;
            }
        }
        return new Deleted(rows, batches);
    }

    private int deleteBatch(DSLContext tx, long organizationId, Kind kind, OffsetDateTime cutoff) {
        // A crash that loses this commit loses nothing: the next sweep deletes the same rows.
        tx.execute("set local synchronous_commit = off");
        return tx.execute(kind.sql, organizationId, cutoff, settings.batchSize());
    }

    private record Deleted(long rows, long transactions) {}
}
