package io.scoreline.sim.salesforce;

import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.SimRequest;
import io.scoreline.sim.salesforce.soql.SoqlException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code query}, {@code queryAll} and their locators. Page size comes from
 * {@code Sforce-Query-Options: batchSize=N} (200 to 2000, default 2000); the locator is
 * {@code {cursorId}-{offset}} under {@code /query/} even for queryAll, as in Salesforce.
 */
final class SalesforceQueryHandler {

    static final int DEFAULT_BATCH = 2000;
    private static final Pattern BATCH_SIZE = Pattern.compile("batchSize\\s*=\\s*(\\d+)");
    private static final Pattern LOCATOR = Pattern.compile("(01g\\w{12})-(\\d+)");

    private final SalesforceQueryEngine engine;

    SalesforceQueryHandler(SalesforceQueryEngine engine) {
        this.engine = engine;
    }

    Reply query(SimRequest request, String version, boolean includeDeleted) {
        Optional<String> soql = request.queryParam("q");
        if (soql.isEmpty() || soql.get().isBlank()) {
            return SalesforceErrors.of(400, "MALFORMED_QUERY", "A query string has to be specified");
        }
        try {
            return switch (engine.run(soql.get(), includeDeleted, batchSize(request))) {
                case SalesforceQueryEngine.Outcome.Count count -> QueryPageWriter.count(count.total());
                case SalesforceQueryEngine.Outcome.Rows rows -> page(rows.cursor(), 0, version);
            };
        } catch (SoqlException e) {
            return SalesforceErrors.of(400, e.errorCode(), e.describe(soql.get()));
        }
    }

    Reply more(String locator, String version) {
        Matcher matcher = LOCATOR.matcher(locator);
        Optional<QueryCursor> cursor = matcher.matches() ? engine.cursor(matcher.group(1)) : Optional.empty();
        if (cursor.isEmpty()) {
            return SalesforceErrors.of(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        long offset = Long.parseLong(matcher.group(2));
        if (offset >= cursor.get().size()) {
            return SalesforceErrors.of(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        return page(cursor.get(), (int) offset, version);
    }

    /** The rows from {@code offset} on, a batch at most; a row gone since the query ran is left out. */
    Reply.Response page(QueryCursor cursor, int offset, String version) {
        int end = Math.min(cursor.size(), offset + cursor.batchSize());
        boolean done = end >= cursor.size();
        String next = done ? null : "/services/data/v" + version + "/query/" + cursor.id() + "-" + end;
        QueryPageWriter page = new QueryPageWriter(
                cursor.size(),
                done,
                next,
                end - offset,
                version,
                SelectedColumns.of(
                        cursor.type(), cursor.fields(), engine.records().schemaDrift()),
                engine.records()::byId);
        for (int i = offset; i < end; i++) {
            engine.row(cursor, i).ifPresent(page::row);
        }
        return page.finish();
    }

    /** Salesforce treats the batch size as a hint and keeps it within 200..2000. */
    private static int batchSize(SimRequest request) {
        return request.header("Sforce-Query-Options")
                .map(BATCH_SIZE::matcher)
                .filter(Matcher::find)
                .map(m -> Math.clamp(Long.parseLong(m.group(1)), 200, DEFAULT_BATCH))
                .orElse(DEFAULT_BATCH);
    }
}
