package io.scoreline.connectors.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What to read of one object: records modified at or after {@code since} (and before
 * {@code until}, for a backfill window), with only the fields the rules need. Deleted and
 * archived records are always included, so that their facts are retracted.
 *
 * @param filter a condition in the CRM's own query language (a SOQL {@code WHERE} clause for
 *               Salesforce) ANDed to the window: a rule push-down, only where it cannot hide a
 *               retraction (DESIGN §6); it must select a superset of what the rules match
 */
public record ChangeQuery(
        String objectType,
        Set<String> fields,
        Instant since,
        Optional<Instant> until,
        int pageSize,
        Optional<String> filter) {

    public ChangeQuery {
        fields = Set.copyOf(fields);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
        filter = filter.filter(f -> !f.isBlank());
    }

    /** A query without push-down. */
    public ChangeQuery(String objectType, Set<String> fields, Instant since, Optional<Instant> until, int pageSize) {
        this(objectType, fields, since, until, pageSize, Optional.empty());
    }

    public ChangeQuery withFilter(Optional<String> pushedFilter) {
        return new ChangeQuery(objectType, fields, since, until, pageSize, pushedFilter);
    }
}
