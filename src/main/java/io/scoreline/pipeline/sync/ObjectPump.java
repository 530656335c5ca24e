package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.FailureKind;
import io.scoreline.connectors.spi.RecordPage;
import io.scoreline.connectors.spi.ScorelineException;
import io.scoreline.pipeline.facts.ChangeOrigin;
import io.scoreline.pipeline.facts.FactDeriver;
import io.scoreline.pipeline.facts.PageWriter;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncRunStore;
import java.time.Instant;
import java.util.Locale;

/**
 * Moves one object's changes from a connector into the page writer, one transaction per page
 * with its cursor (under the given scope) and the run's counters, and stops the run once it has
 * used its share of the daily quota. Shared by syncs and backfills.
 */
final class ObjectPump {

    /** Where the pages go and what they are counted against. */
    record Target(long organizationId, long integrationId, long runId, String cursorScope, ChangeOrigin origin, FactDeriver deriver) {
    }

    private final PageWriter writer;
    private final CheckpointStore checkpoints;
    private final SyncRunStore runs;
    private final double quotaShare;

    ObjectPump(PageWriter writer, CheckpointStore checkpoints, SyncRunStore runs, double quotaShare) {
        this.writer = writer;
        this.checkpoints = checkpoints;
        this.runs = runs;
        this.quotaShare = quotaShare;
    }

    /** Pumps every page of the query and then the deletions of its window; returns facts changed. */
    long pump(Target target, CrmConnector connector, ChangeQuery query, Instant deletionsUntil, ProgressListener progress) {
        long facts = 0;
        try (var source = new PrefetchingPageSource(connector.changes(query))) {
            for (var page = source.next(); page.isPresent(); page = source.next()) {
                facts += write(target, page.get());
                progress.advanced(page.get().records().size());
                enforceBudget(connector);
            }
        }
        return facts + write(target, connector.deletions(query.objectType(), query.since(), deletionsUntil));
    }

    private long write(Target target, RecordPage page) {
        return writer.write(target.organizationId(), target.integrationId(), page.objectType(), page.records(), target.deriver(),
                target.origin(), (tx, written) -> {
                    page.cursorAfter().ifPresent(cursor -> checkpoints.save(tx, target.organizationId(), target.integrationId(),
                            page.objectType(), target.cursorScope(), cursor));
                    runs.count(tx, target.runId(), page.records().size(), written.factsChanged(), page.apiCalls());
                }).factsChanged();
    }

    private void enforceBudget(CrmConnector connector) {
        var quota = connector.quota();
        if (quota.isEmpty()) {
            return;
        }
        long budget = (long) Math.floor(quota.get().max() * quotaShare);
        if (connector.apiCalls() >= budget || quota.get().remaining() == 0) {
            throw new ScorelineException(FailureKind.QUOTA, String.format(Locale.ROOT,
                    "stopped after %d API calls: the run's share (%.0f%%) of the daily quota of %d is spent (%d used org-wide); "
                            + "the next run continues from here", connector.apiCalls(), quotaShare * 100, quota.get().max(),
                    quota.get().used()));
        }
    }
}
