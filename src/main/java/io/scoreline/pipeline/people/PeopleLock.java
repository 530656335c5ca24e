package io.scoreline.pipeline.people;

import org.jooq.DSLContext;

/**
 * One transaction-scoped advisory lock per organization for changes to its team tree and manager
 * chains: a cycle check reads the whole tree, so two changes that each look fine alone (A under B,
 * B under A) must not run at once. Readers do not take it. Two-key form in its own namespace, like
 * the evaluator's per-person lock.
 */
final class PeopleLock {

    private PeopleLock() {}

    static void take(DSLContext tx, long organizationId) {
        tx.execute("select pg_advisory_xact_lock(hashtext('scoreline.people'), (? % 2147483647)::int)", organizationId);
    }
}
