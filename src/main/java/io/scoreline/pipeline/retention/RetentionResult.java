package io.scoreline.pipeline.retention;

/** What one sweep deleted, and in how many transactions. */
public record RetentionResult(long inboxRows, long kpiChanges, long runs, long transactions) {

    public static final RetentionResult NONE = new RetentionResult(0, 0, 0, 0);

    public RetentionResult plus(RetentionResult other) {
        return new RetentionResult(
                inboxRows + other.inboxRows,
                kpiChanges + other.kpiChanges,
                runs + other.runs,
                transactions + other.transactions);
    }

    public long rows() {
        return inboxRows + kpiChanges + runs;
    }
}
