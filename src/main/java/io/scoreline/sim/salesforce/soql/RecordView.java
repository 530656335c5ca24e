package io.scoreline.sim.salesforce.soql;

/**
 * A row the evaluator can read. Values are {@code String}, {@code Boolean}, {@code Number},
 * {@code java.time.LocalDate}, {@code java.time.Instant} or null; a path through an empty
 * relationship is null.
 */
@FunctionalInterface
public interface RecordView {

    Object value(FieldPath path);
}
