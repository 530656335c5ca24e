package io.scoreline.pipeline.runs;

import static io.scoreline.pipeline.db.Tables.SYNC_CHECKPOINTS;

import io.scoreline.connectors.spi.Checkpoint;
import io.scoreline.pipeline.database.TenantTransactions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Cursors per integration, object and scope. {@link #LIVE} is the incremental sync's; a backfill
 * keeps its own under {@link #backfillScope} and so never moves the live cursor, except that one
 * reaching the present starts a live cursor that does not exist yet ({@link #startLiveWhereBackfillEnded}).
 */
public final class CheckpointStore {

    public static final String LIVE = "live";
    /** A backfill's scope is this followed by its run id. */
    public static final String BACKFILL_SCOPE_PREFIX = "run:";

    private final TenantTransactions transactions;

    public CheckpointStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public static String backfillScope(long runId) {
        return BACKFILL_SCOPE_PREFIX + runId;
    }

    public Optional<Checkpoint> load(long organizationId, long integrationId, String objectType, String scope) {
        return transactions.inOrganization(
                organizationId,
                tx -> tx.select(
                                DSL.field("{0} ->> 'modstamp'", String.class, SYNC_CHECKPOINTS.POSITION),
                                DSL.field("{0} ->> 'record_id'", String.class, SYNC_CHECKPOINTS.POSITION))
                        .from(SYNC_CHECKPOINTS)
                        .where(SYNC_CHECKPOINTS.INTEGRATION_ID.eq(integrationId))
                        .and(SYNC_CHECKPOINTS.OBJECT_TYPE.eq(objectType))
                        .and(SYNC_CHECKPOINTS.SCOPE.eq(scope))
                        .fetchOptional(r -> new Checkpoint(Instant.parse(r.value1()), r.value2())));
    }

    /**
     * Starts the live cursor of each object that has none where a completed backfill that reached
     * the present ended, inside the transaction that marks the backfill succeeded. The position is
     * the backfill's own cursor (the last record it wrote, in the CRM's time, as a live sync would
     * have saved it), or the window's end for an object it found nothing of. The live sync subtracts
     * its lookback from either, so a record the CRM stamped before that point but committed late,
     * or one modified while the backfill ran, is still read. An existing live cursor is never moved.
     *
     * @return the objects whose live cursor was started
     */
    public List<String> startLiveWhereBackfillEnded(
            DSLContext tx,
            long organizationId,
            long integrationId,
            long backfillRunId,
            Collection<String> objectTypes,
            Instant windowEnd) {
        var started = new ArrayList<String>();
        for (var objectType : objectTypes.stream().sorted().toList()) {
            var ended = tx.select(SYNC_CHECKPOINTS.POSITION)
                    .from(SYNC_CHECKPOINTS)
                    .where(SYNC_CHECKPOINTS.INTEGRATION_ID.eq(integrationId))
                    .and(SYNC_CHECKPOINTS.OBJECT_TYPE.eq(objectType))
                    .and(SYNC_CHECKPOINTS.SCOPE.eq(backfillScope(backfillRunId)))
                    .fetchOptional(SYNC_CHECKPOINTS.POSITION)
                    .orElseGet(() -> position(new Checkpoint(windowEnd, "")));
            int inserted = tx.insertInto(SYNC_CHECKPOINTS)
                    .set(SYNC_CHECKPOINTS.ORGANIZATION_ID, organizationId)
                    .set(SYNC_CHECKPOINTS.INTEGRATION_ID, integrationId)
                    .set(SYNC_CHECKPOINTS.OBJECT_TYPE, objectType)
                    .set(SYNC_CHECKPOINTS.SCOPE, LIVE)
                    .set(SYNC_CHECKPOINTS.POSITION, ended)
                    .onConflictDoNothing()
                    .execute();
            if (inserted == 1) {
                started.add(objectType);
            }
        }
        return started;
    }

    /** Saves the cursor; call it inside the transaction of the page it follows. */
    public void save(
            DSLContext tx,
            long organizationId,
            long integrationId,
            String objectType,
            String scope,
            Checkpoint checkpoint) {
        var position = position(checkpoint);
        tx.insertInto(SYNC_CHECKPOINTS)
                .set(SYNC_CHECKPOINTS.ORGANIZATION_ID, organizationId)
                .set(SYNC_CHECKPOINTS.INTEGRATION_ID, integrationId)
                .set(SYNC_CHECKPOINTS.OBJECT_TYPE, objectType)
                .set(SYNC_CHECKPOINTS.SCOPE, scope)
                .set(SYNC_CHECKPOINTS.POSITION, position)
                .onConflict(SYNC_CHECKPOINTS.INTEGRATION_ID, SYNC_CHECKPOINTS.OBJECT_TYPE, SYNC_CHECKPOINTS.SCOPE)
                .doUpdate()
                .set(SYNC_CHECKPOINTS.POSITION, position)
                .set(SYNC_CHECKPOINTS.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
    }

    private static JSONB position(Checkpoint checkpoint) {
        return JSONB.valueOf("{\"modstamp\":\"" + checkpoint.modstamp() + "\",\"record_id\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(checkpoint.recordId()) + "}");
    }
}
