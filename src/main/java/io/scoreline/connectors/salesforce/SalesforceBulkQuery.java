package io.scoreline.connectors.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.Checkpoint;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.connectors.spi.PageSource;
import io.scoreline.connectors.spi.RecordPage;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One object's change query as a Bulk API 2.0 {@code queryAll} job: create it, poll until it
 * completes, then read its CSV results chunk by chunk ({@code Sforce-Locator}, the literal
 * {@code null} after the last) and hand them out as pages of the REST page size, each with its
 * (SystemModstamp, Id) cursor: the SOQL is the REST one, ORDER BY included, so a resumed
 * backfill simply starts a new job from the last committed cursor. A failed or aborted job fails
 * the read; what was committed stays committed.
 */
final class SalesforceBulkQuery implements PageSource {

    /**
     * Pages per results call (20,000 records at the full page size): fewer calls, but the chunk is
     * held as text while it becomes pages, which bounds the heap it takes.
     */
    static final int PAGES_PER_RESULT = 10;
    /** Polls before giving up on a job that never finishes (with the wait capped at 30 s: about 2 hours). */
    static final int MAX_POLLS = 240;

    /** The calls this reader needs, made by the connector (breaker, retries, quota, classified failures). */
    interface Calls {
        JsonNode json(String action, String method, String path, String body);

        SalesforceConnector.RawAnswer raw(String action, String path, Map<String, Object> query);

        Map<String, String> fieldTypes(String objectType);

        /** Calls made so far, retries included: what each page reports it cost. */
        long apiCalls();
    }

    private final Calls calls;
    private final ChangeQuery query;
    private final String jobsPath;
    private final Duration pollInterval;
    private final int pageSize;
    private String jobId;
    private String locator;
    private boolean lastChunk;
    private Map<String, String> types;
    private CsvRows rows;
    private BulkRowConverter converter;

    SalesforceBulkQuery(Calls calls, ChangeQuery query, String apiVersion, Duration pollInterval, int pageSize) {
        this.calls = calls;
        this.query = query;
        this.jobsPath = "/services/data/v" + apiVersion + "/jobs/query";
        this.pollInterval = pollInterval;
        this.pageSize = pageSize;
    }

    @Override
    public Optional<RecordPage> next() {
        var records = new ArrayList<CrmRecord>(pageSize);
        long before = calls.apiCalls();
        if (jobId == null) {
            start();
        }
        while (records.size() < pageSize) {
            var row = rows == null ? Optional.<List<String>>empty() : rows.next();
            if (row.isPresent()) {
                records.add(converter.toRecord(row.get()));
                continue;
            }
            if (lastChunk) {
                break;
            }
            readChunk();
        }
        int callsSpent = (int) (calls.apiCalls() - before);
        if (records.isEmpty()) {
            return callsSpent == 0
                    ? Optional.empty()
                    : Optional.of(new RecordPage(query.objectType(), List.of(), Optional.empty(), callsSpent));
        }
        var cursor =
                new Checkpoint(records.getLast().modstamp(), records.getLast().recordId());
        return Optional.of(new RecordPage(query.objectType(), records, Optional.of(cursor), callsSpent));
    }

    /** Describe (for the types), create and poll: the calls before the first row. */
    private void start() {
        types = calls.fieldTypes(query.objectType());
        var soql = SoqlChangeQuery.of(query);
        var job = calls.json(
                "bulk query job",
                "POST",
                jobsPath,
                "{\"operation\":\"queryAll\",\"query\":" + quote(soql)
                        + ",\"contentType\":\"CSV\",\"columnDelimiter\":\"COMMA\"," + "\"lineEnding\":\"LF\"}");
        jobId = job.path("id").asText(null);
        if (jobId == null || !jobId.matches("[A-Za-z0-9]{15,18}")) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "malformed Salesforce bulk job answer: no job id");
        }
        int polls = 0;
        var state = job.path("state").asText();
        var wait = pollInterval;
        while (!state.equals("JobComplete")) {
            if (state.equals("Failed") || state.equals("Aborted")) {
                throw new ScorelineException(
                        FailureKind.RETRYABLE,
                        "salesforce bulk query job " + jobId + " for " + query.objectType()
                                + " ended " + state
                                + (job.hasNonNull("errorMessage")
                                        ? ": " + job.path("errorMessage").asText()
                                        : "")
                                + "; the pages written so far are kept and a resumed run starts a new job from there");
            }
            if (++polls > MAX_POLLS) {
                throw new ScorelineException(
                        FailureKind.RETRYABLE,
                        "salesforce bulk query job " + jobId + " for " + query.objectType() + " did not complete after "
                                + MAX_POLLS + " polls (state " + state + ")");
            }
            pause(wait);
            wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                    ? Duration.ofSeconds(30)
                    : wait.multipliedBy(2);
            job = calls.json("bulk query job poll", "GET", jobsPath + "/" + jobId, null);
            state = job.path("state").asText();
        }
    }

    /** One results call; the first row of every chunk is its header. */
    private void readChunk() {
        var parameters = new java.util.LinkedHashMap<String, Object>();
        if (locator != null) {
            parameters.put("locator", locator);
        }
        parameters.put("maxRecords", Integer.toString(pageSize * PAGES_PER_RESULT));
        var answer = calls.raw("bulk query results", jobsPath + "/" + jobId + "/results", parameters);
        var next = answer.header("Sforce-Locator");
        lastChunk = next == null || next.isBlank() || next.equals("null");
        locator = lastChunk ? null : next;
        rows = new CsvRows(answer.body());
        var header = rows.next();
        converter = new BulkRowConverter(query.objectType(), header.orElse(List.of()), types);
    }

    private static void pause(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScorelineException(
                    FailureKind.RETRYABLE, "interrupted while waiting for a Salesforce bulk query job", e);
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
