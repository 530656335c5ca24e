package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.CrmProfiles;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.pushdown.PushDown;
import io.scoreline.pipeline.facts.StoredRecordReader;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how a backfill reads one object: through REST pages or the CRM's bulk API (by the
 * record count and the bulk threshold), and whether a rule push-down filter narrows the query.
 * DESIGN §6 allows push-down only where it cannot hide a retraction: a record we hold that has
 * stopped matching must still be read so that its facts go. So the filter is applied only when we
 * hold no record of the object last modified before the window's end (newer ones are never
 * overwritten by a backfill anyway).
 */
final class ObjectReadPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectReadPlanner.class);

    private final SyncSettings settings;
    private final Optional<StoredRecordReader> storedRecords;

    /** @param storedRecords empty: push-down is never applied (no way to prove it safe) */
    ObjectReadPlanner(SyncSettings settings, Optional<StoredRecordReader> storedRecords) {
        this.settings = settings;
        this.storedRecords = storedRecords;
    }

    /** Whether and why a filter is pushed for one object. */
    record PushDecision(Optional<String> filter, String note) {

        static PushDecision refused(String why) {
            return new PushDecision(Optional.empty(), why);
        }
    }

    /** How one object is read, with the records that read returns ({@code -1} when the count failed). */
    record ObjectRead(ChangeQuery query, long records, boolean bulk, PushDecision pushDown) {

        String mode() {
            return bulk ? "bulk" : "rest";
        }
    }

    /** @param dryRun a failed count fails the dry run (it is what it reports); a real run reads on without it */
    ObjectRead plan(
            CrmConnector connector,
            CrmProvider provider,
            RuleSet rules,
            long organizationId,
            long integrationId,
            ChangeQuery query,
            Instant windowEnd,
            boolean dryRun) {
        var decision = pushDown(provider, rules, organizationId, integrationId, query.objectType(), windowEnd);
        var filtered = query.withFilter(decision.filter());
        long records = dryRun ? connector.count(filtered) : count(connector, filtered);
        boolean bulk = connector.readsInBulk() && settings.usesBulk(records);
        return new ObjectRead(filtered, records, bulk, decision);
    }

    private PushDecision pushDown(
            CrmProvider provider,
            RuleSet rules,
            long organizationId,
            long integrationId,
            String objectType,
            Instant windowEnd) {
        var compiled = CrmProfiles.of(provider).pushDown(rules, objectType);
        if (compiled.isEmpty()) {
            return PushDecision.refused("no push-down for " + provider.key() + " backfills");
        }
        return switch (compiled.get()) {
            case PushDown.MatchAll<String> all -> PushDecision.refused("a rule counts every " + objectType);
            case PushDown.NotPushable<String> not -> PushDecision.refused(not.reason());
            case PushDown.Pushable<String> pushable -> {
                if (storedRecords.isEmpty()) {
                    yield PushDecision.refused("cannot check for stored records");
                }
                if (storedRecords.get().anyModifiedBefore(organizationId, integrationId, objectType, windowEnd)) {
                    yield PushDecision.refused(objectType + " records modified before the window end are stored; "
                            + "a filter could hide one that stopped matching");
                }
                yield new PushDecision(Optional.of(pushable.filter()), "pushed");
            }
        };
    }

    /** A failed count costs the bar its total and the read its bulk path, not the backfill. */
    private static long count(CrmConnector connector, ChangeQuery query) {
        try {
            return connector.count(query);
        } catch (ScorelineException e) {
            LOG.debug("Cannot count {}: {}", query.objectType(), e.getMessage());
            return -1;
        }
    }
}
