package io.scoreline.sim.salesforce;

import io.scoreline.sim.http.JsonCodec;
import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import io.scoreline.sim.salesforce.soql.SoqlException;
import io.scoreline.sim.salesforce.soql.SoqlParser;
import io.scoreline.sim.salesforce.soql.SoqlQuery;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * Bulk API 2.0 query jobs: create, poll, results paged by {@code Sforce-Locator} (the literal
 * {@code null} on the last page), abort, delete and list.
 */
final class SalesforceBulkQueryHandler {

    static final int DEFAULT_MAX_RECORDS = 50_000;

    private final SalesforceQueryEngine engine;
    private final Clock clock;
    private final Map<String, BulkQueryJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final LongPredicate jobFails;

    /** @param jobFails whether the job with this sequence number fails (the {@code bulk-fail} fault) */
    SalesforceBulkQueryHandler(SalesforceQueryEngine engine, Clock clock, LongPredicate jobFails) {
        this.engine = engine;
        this.clock = clock;
        this.jobFails = jobFails;
    }

    long created() {
        return sequence.get();
    }

    Reply create(SimRequest request, String version) {
        Map<String, Object> body;
        try {
            body = JsonCodec.readObject(request.body());
        } catch (IOException e) {
            return SalesforceErrors.of(400, "JSON_PARSER_ERROR", "Unexpected character in request body");
        }
        String operation = String.valueOf(body.getOrDefault("operation", ""));
        if (!operation.equals("query") && !operation.equals("queryAll")) {
            return SalesforceErrors.of(400, "INVALIDJOB", "InvalidJob : Invalid operation: " + operation);
        }
        String delimiter = String.valueOf(body.getOrDefault("columnDelimiter", "COMMA"));
        String lineEnding = String.valueOf(body.getOrDefault("lineEnding", "LF"));
        if (!BulkCsvWriter.knownDelimiter(delimiter) || !(lineEnding.equals("LF") || lineEnding.equals("CRLF"))) {
            return SalesforceErrors.of(400, "INVALIDJOB", "InvalidJob : columnDelimiter or lineEnding is invalid");
        }
        String soql = String.valueOf(body.getOrDefault("query", ""));
        try {
            SoqlQuery query = SoqlParser.parse(soql);
            if (query.countOnly() || query.offset().isPresent()) {
                return SalesforceErrors.of(400, "API_ERROR", "Bulk API 2.0 does not support COUNT() or OFFSET");
            }
            SalesforceQueryEngine.Selection selection = engine.select(query, operation.equals("queryAll"));
            long number = sequence.incrementAndGet();
            String id = SalesforceIds.of("750", number);
            BulkQueryJob job = new BulkQueryJob(
                    id,
                    operation,
                    selection.type(),
                    query.fields(),
                    selection.idNumbers(),
                    clock.instant(),
                    version,
                    delimiter,
                    lineEnding,
                    jobFails.test(number));
            jobs.put(id, job);
            return Reply.json(200, info(job));
        } catch (SoqlException e) {
            return SalesforceErrors.of(400, e.errorCode(), e.describe(soql));
        }
    }

    Reply get(String id) {
        return find(id).<Reply>map(job -> {
                    job.poll(clock.instant());
                    return Reply.json(200, info(job));
                })
                .orElseGet(SalesforceErrors::notFound);
    }

    Reply list() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("done", true);
        body.put("records", jobs.values().stream().map(this::info).toList());
        body.put("nextRecordsUrl", null);
        return Reply.json(200, body);
    }

    Reply abort(SimRequest request, String id) {
        Optional<BulkQueryJob> job = find(id);
        if (job.isEmpty()) {
            return SalesforceErrors.notFound();
        }
        if (!request.bodyText().contains("Aborted")) {
            return SalesforceErrors.of(400, "INVALIDJOBSTATE", "Only the state Aborted can be set on a query job");
        }
        job.get().abort(clock.instant());
        return Reply.json(200, info(job.get()));
    }

    Reply delete(String id) {
        return jobs.remove(id) == null ? SalesforceErrors.notFound() : Reply.empty(204);
    }

    Reply results(SimRequest request, String id, String version) {
        Optional<BulkQueryJob> found = find(id);
        if (found.isEmpty()) {
            return SalesforceErrors.notFound();
        }
        BulkQueryJob job = found.get();
        if (!job.apiVersion().equals(version)) {
            return SalesforceErrors.of(
                    409,
                    "INVALIDJOB",
                    "The job was created with API version " + job.apiVersion()
                            + "; request its results with the same version");
        }
        if (job.state() != BulkJobState.JobComplete) {
            return SalesforceErrors.of(400, "INVALIDJOBSTATE", "Job is not complete: " + job.state());
        }
        int offset = request.queryParam("locator")
                .map(SalesforceBulkQueryHandler::offset)
                .orElse(0);
        int max = request.queryParam("maxRecords").map(Integer::parseInt).orElse(DEFAULT_MAX_RECORDS);
        if (offset < 0 || offset > job.idNumbers().length || max < 1) {
            return SalesforceErrors.of(400, "INVALIDLOCATOR", "Invalid locator or maxRecords");
        }
        int end = Math.min(job.idNumbers().length, offset + max);
        BulkCsvWriter csv = new BulkCsvWriter(job.columnDelimiter(), job.lineEnding())
                .header(job.type(), job.fields(), engine.records().schemaDrift());
        for (int i = offset; i < end; i++) {
            engine.row(job.type(), job.idNumbers()[i]).ifPresent(row -> csv.row(engine.view(row), job.fields()));
        }
        String next = end < job.idNumbers().length ? locator(end) : "null";
        return Reply.text(200, "text/csv", csv.toString())
                .withHeader("Sforce-NumberOfRecords", Integer.toString(end - offset))
                .withHeader("Sforce-Locator", next);
    }

    private Optional<BulkQueryJob> find(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private Map<String, Object> info(BulkQueryJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", job.id());
        body.put("operation", job.operation());
        body.put("object", job.type().name());
        body.put("createdById", SalesforceRecords.integrationUserId());
        body.put("createdDate", SalesforceJsonWriter.dateTime(job.createdDate()));
        body.put("systemModstamp", SalesforceJsonWriter.dateTime(job.modstamp()));
        body.put("state", job.state().name());
        body.put("concurrencyMode", "Parallel");
        body.put("contentType", "CSV");
        body.put("apiVersion", new BigDecimal(job.apiVersion()));
        body.put("jobType", "V2Query");
        body.put("lineEnding", job.lineEnding());
        body.put("columnDelimiter", job.columnDelimiter());
        if (job.state() == BulkJobState.JobComplete) {
            body.put("numberRecordsProcessed", job.idNumbers().length);
            body.put("retries", 0);
            body.put("totalProcessingTime", 0);
        }
        if (job.state() == BulkJobState.Failed) {
            body.put("errorMessage", "InternalServerError : the simulator failed this job (bulk-fail fault)");
        }
        body.put("isPkChunkingSupported", true);
        return body;
    }

    /** Locators are opaque to clients; here they are the base64 of the next offset. */
    private static String locator(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Integer.toString(offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String locator) {
        try {
            return Integer.parseInt(new String(Base64.getUrlDecoder().decode(locator), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
