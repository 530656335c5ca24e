package io.scoreline.sim.salesforce;

import io.scoreline.sim.salesforce.soql.FieldPath;
import java.time.Instant;
import java.util.List;

/**
 * A Bulk API 2.0 query job. The matching ids are fixed when the job is created; the job reports
 * {@code InProgress} on its first poll and {@code JobComplete} from then on, so clients exercise polling
 * without the simulator depending on wall time.
 */
final class BulkQueryJob {

    private final String id;
    private final String operation;
    private final SalesforceObject type;
    private final List<FieldPath> fields;
    private final long[] idNumbers;
    private final Instant createdDate;
    private final String apiVersion;
    private final String columnDelimiter;
    private final String lineEnding;
    private final boolean fails;
    private BulkJobState state = BulkJobState.UploadComplete;
    private Instant modstamp;

    /** @param fails the job ends {@code Failed} instead of {@code JobComplete} (the {@code bulk-fail} fault) */
    BulkQueryJob(
            String id,
            String operation,
            SalesforceObject type,
            List<FieldPath> fields,
            long[] idNumbers,
            Instant createdDate,
            String apiVersion,
            String columnDelimiter,
            String lineEnding,
            boolean fails) {
        this.fails = fails;
        this.id = id;
        this.operation = operation;
        this.type = type;
        this.fields = List.copyOf(fields);
        this.idNumbers = idNumbers;
        this.createdDate = createdDate;
        this.modstamp = createdDate;
        this.apiVersion = apiVersion;
        this.columnDelimiter = columnDelimiter;
        this.lineEnding = lineEnding;
    }

    /** Advances the job one step per poll until it completes. */
    synchronized BulkJobState poll(Instant now) {
        switch (state) {
            case UploadComplete -> move(BulkJobState.InProgress, now);
            case InProgress -> move(fails ? BulkJobState.Failed : BulkJobState.JobComplete, now);
            case JobComplete, Failed, Aborted -> {
                // Final states do not change.
            }
        }
        return state;
    }

    synchronized void abort(Instant now) {
        if (state != BulkJobState.JobComplete) {
            move(BulkJobState.Aborted, now);
        }
    }

    private void move(BulkJobState next, Instant now) {
        state = next;
        modstamp = now;
    }

    synchronized BulkJobState state() {
        return state;
    }

    synchronized Instant modstamp() {
        return modstamp;
    }

    String id() {
        return id;
    }

    String operation() {
        return operation;
    }

    SalesforceObject type() {
        return type;
    }

    List<FieldPath> fields() {
        return fields;
    }

    long[] idNumbers() {
        return idNumbers;
    }

    Instant createdDate() {
        return createdDate;
    }

    String apiVersion() {
        return apiVersion;
    }

    String columnDelimiter() {
        return columnDelimiter;
    }

    String lineEnding() {
        return lineEnding;
    }
}
