package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.RecordPage;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.CommitTurn;
import io.scoreline.pipeline.facts.FactDeriver;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncRunStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Moves one object's changes from a connector into the page writer, one transaction per page
 * with its cursor (under the given scope) and the run's counters, and stops the run once it has
 * used its share of the daily quota, or the CRM account as a whole nears its limit
 * ({@link QuotaBudget}). Shared by syncs and backfills.
 */
final class ObjectPump {

    /** Where the pages go and what they are counted against. */
    record Target(
            long organizationId,
            long integrationId,
            long runId,
            String cursorScope,
            ChangeOrigin origin,
            FactDeriver deriver) {}

    private final PageWriter writer;
    private final CheckpointStore checkpoints;
    private final SyncRunStore runs;
    private final QuotaBudget budget;

    ObjectPump(PageWriter writer, CheckpointStore checkpoints, SyncRunStore runs, QuotaBudget budget) {
        this.writer = writer;
        this.checkpoints = checkpoints;
        this.runs = runs;
        this.budget = budget;
    }

    /**
     * Pages being written at once: while one page writes its KPI cells and commits, the next
     * locks and writes its records and facts, and the one after that is fetched (ADR 0009).
     */
    static final int PAGES_IN_FLIGHT = 2;

    /** Pumps every page of the query and then the deletions of its window; returns facts changed. */
    long pump(
            Target target,
            CrmConnector connector,
            ChangeQuery query,
            Instant deletionsUntil,
            ProgressListener progress) {
        // Pages are stored as read with the rules' fields (ADR 0034): a query that asks for
        // fewer would store records that claim fields they lack.
        var missing = io.scoreline.pipeline.facts.FieldSet.of(query.fields())
                .missing(target.deriver().fieldsRead(query.objectType()));
        if (!missing.isEmpty()) {
            throw new ScorelineException(
                    FailureKind.BUG,
                    "the " + query.objectType() + " query does not read " + missing + ", which the rules read");
        }
        var facts = new long[1];
        try (var source = new PrefetchingPageSource(connector.changes(query));
                var writes = new OrderedPageWrites(PAGES_IN_FLIGHT)) {
            for (var next = fetch(source, writes); next.isPresent(); next = fetch(source, writes)) {
                var page = next.get();
                writes.submit(turn -> write(target, page, turn), changed -> {
                    facts[0] += changed;
                    progress.advanced(page.records().size());
                    enforceBudget(connector);
                });
            }
            writes.finish();
        }
        return facts[0]
                + write(
                        target,
                        connector.deletions(query.objectType(), query.since(), deletionsUntil),
                        CommitTurn.first());
    }

    /** The next page; a failed fetch surfaces only after every page before it has been written. */
    private static Optional<RecordPage> fetch(PrefetchingPageSource source, OrderedPageWrites writes) {
        try {
            return source.next();
        } catch (RuntimeException fetchFailure) {
            writes.finish();
            throw fetchFailure;
        }
    }

    private long write(Target target, RecordPage page, CommitTurn turn) {
        return writer.write(
                        target.organizationId(),
                        target.integrationId(),
                        page.objectType(),
                        page.records(),
                        target.deriver(),
                        target.origin(),
                        turn,
                        (tx, written) -> {
                            if (target.origin().kind() == ChangeOrigin.Kind.BACKFILL
                                    && !target.origin().notifies()) {
                                // The checkpoint commits in this same transaction, so a crash that loses
                                // the last commits also loses their checkpoint: resume re-reads them
                                // (ADR 0009, 0019). A sync, and a backfill that notifies, keep durable
                                // commits: their outbox rows notify people, and a crash must not take
                                // back a change someone was told about.
                                tx.execute("set local synchronous_commit = off");
                            }
                            page.cursorAfter()
                                    .ifPresent(cursor -> checkpoints.save(
                                            tx,
                                            target.organizationId(),
                                            target.integrationId(),
                                            page.objectType(),
                                            target.cursorScope(),
                                            cursor));
                            runs.count(
                                    tx, target.runId(), page.records().size(), written.factsChanged(), page.apiCalls());
                        })
                .factsChanged();
    }

    private void enforceBudget(CrmConnector connector) {
        connector
                .quota()
                .flatMap(quota -> budget.exceeded(connector.apiCalls(), quota))
                .ifPresent(reason -> {
                    throw new ScorelineException(FailureKind.QUOTA, reason);
                });
    }
}
