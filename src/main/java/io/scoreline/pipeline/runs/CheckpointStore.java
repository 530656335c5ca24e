package io.scoreline.pipeline.runs;

import static io.scoreline.pipeline.db.Tables.SYNC_CHECKPOINTS;

import io.scoreline.connectors.spi.Checkpoint;
import io.scoreline.pipeline.database.TenantTransactions;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;

/**
 * Cursors per integration, object and scope. {@link #LIVE} is the incremental sync's; a backfill
 * keeps its own under {@link #backfillScope} and so never moves the live cursor.
 */
public final class CheckpointStore {

    public static final String LIVE = "live";

    private final TenantTransactions transactions;

    public CheckpointStore(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    public static String backfillScope(long runId) {
        return "run:" + runId;
    }

    public Optional<Checkpoint> load(long organizationId, long integrationId, String objectType, String scope) {
        return transactions.inOrganization(organizationId, tx -> tx.select(
                        DSL.field("{0} ->> 'modstamp'", String.class, SYNC_CHECKPOINTS.POSITION),
                        DSL.field("{0} ->> 'record_id'", String.class, SYNC_CHECKPOINTS.POSITION))
                .from(SYNC_CHECKPOINTS)
                .where(SYNC_CHECKPOINTS.INTEGRATION_ID.eq(integrationId))
                .and(SYNC_CHECKPOINTS.OBJECT_TYPE.eq(objectType))
                .and(SYNC_CHECKPOINTS.SCOPE.eq(scope))
                .fetchOptional(r -> new Checkpoint(Instant.parse(r.value1()), r.value2())));
    }

    /** Saves the cursor; call it inside the transaction of the page it follows. */
    public void save(DSLContext tx, long organizationId, long integrationId, String objectType, String scope, Checkpoint checkpoint) {
        var position = JSONB.valueOf("{\"modstamp\":\"" + checkpoint.modstamp() + "\",\"record_id\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(checkpoint.recordId()) + "}");
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
}
