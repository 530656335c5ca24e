package io.scoreline.gamification;

import io.scoreline.pipeline.tenancy.Organization;
import java.util.List;
import org.jooq.DSLContext;

/**
 * A stage of the evaluator (badges, contests) that reacts to changed KPI cells. The drain calls
 * every consumer inside the transaction that claimed the outbox rows, with {@code scoreline.org_id}
 * set; a consumer's writes commit or roll back with the claim, so a crash re-delivers the batch and
 * consumers must be idempotent (unique award and notification keys make them so).
 */
@FunctionalInterface
public interface KpiChangeConsumer {

    /** Evaluates one person's changes on its own (tests, and consumers with nothing to share). */
    void apply(DSLContext tx, ProfileChanges changes);

    /**
     * The consumer for the people of one claim: what every person of the claim would read alike (the
     * active badges, the compiled KPI catalog, the organization's goals and live contests) is read
     * here once, in the claim's transaction and outside any person's savepoint (ADR 0052); what each
     * person reads may be read for several of {@code people} at once. The default shares nothing.
     *
     * @param people the changes of the claim's people, in the order the drain will evaluate them
     */
    default ClaimConsumer forClaim(DSLContext tx, Organization organization, List<ProfileChanges> people) {
        return this::apply;
    }

    /** Evaluates the people of one claim, each inside that person's savepoint. */
    @FunctionalInterface
    interface ClaimConsumer {

        void apply(DSLContext savepoint, ProfileChanges changes);
    }
}
