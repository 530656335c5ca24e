package io.scoreline.gamification;

import org.jooq.DSLContext;

/**
 * A stage of the evaluator (badges, contests) that reacts to changed KPI cells. The drain calls
 * every consumer inside the transaction that claimed the outbox rows, with {@code scoreline.org_id}
 * set; a consumer's writes commit or roll back with the claim, so a crash re-delivers the batch and
 * consumers must be idempotent (unique award and notification keys make them so).
 */
public interface KpiChangeConsumer {

    void apply(DSLContext tx, ProfileChanges changes);
}
