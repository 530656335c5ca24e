package io.scoreline.connectors.spi;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What to read of one object: records modified at or after {@code since} (and before
 * {@code until}, for a backfill window), with only the fields the rules need. Deleted and
 * archived records are always included, so that their facts are retracted.
 */
public record ChangeQuery(String objectType, Set<String> fields, Instant since, Optional<Instant> until, int pageSize) {

    public ChangeQuery {
        fields = Set.copyOf(fields);
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be positive");
        }
    }
}
