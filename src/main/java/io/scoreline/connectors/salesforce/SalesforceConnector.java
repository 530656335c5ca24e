package io.scoreline.connectors.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.Checkpoint;
import io.scoreline.connectors.spi.ConnectionCheck;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.connectors.spi.CrmUser;
import io.scoreline.connectors.spi.DiscoveredCatalog;
import io.scoreline.connectors.spi.PageSource;
import io.scoreline.connectors.spi.QuotaSnapshot;
import io.scoreline.connectors.spi.RecordPage;
import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Salesforce org, reached through its own Camel Salesforce component (one component holds
 * one session) and the shared {@link SalesforceRoutes}. Every call counts against the quota, is retried with backoff and jitter when it
 * failed transiently, and passes the integration's circuit breaker. An expired session is renewed
 * by the component itself, once, before the call is repeated.
 */
final class SalesforceConnector implements CrmConnector {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceConnector.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int PAGE_SIZE = 2000;

    private final java.time.Clock clock;
    private final CamelContext camel;
    private final String componentName;
    private final SalesforceComponent component;
    private final ProducerTemplate producer;
    private final String apiVersion;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final AtomicLong apiCalls = new AtomicLong();
    private final AtomicReference<QuotaSnapshot> quota = new AtomicReference<>();
    private final java.time.Duration bulkPollInterval;
    private final Map<String, Map<String, String>> describedTypes = new java.util.concurrent.ConcurrentHashMap<>();

    SalesforceConnector(
            CamelContext camel,
            String componentName,
            SalesforceComponent component,
            String apiVersion,
            SalesforceOptions options,
            CircuitBreaker breaker,
            java.time.Clock clock) {
        this.clock = clock;
        this.camel = camel;
        this.componentName = componentName;
        this.component = component;
        this.apiVersion = apiVersion;
        this.breaker = breaker;
        this.bulkPollInterval = options.bulkPollInterval();
        this.producer = camel.createProducerTemplate();
        this.retry = Retry.of(
                componentName,
                RetryConfig.custom()
                        .maxAttempts(options.retryAttempts())
                        .intervalFunction(
                                IntervalFunction.ofExponentialRandomBackoff(options.retryInitialBackoff(), 2.0, 0.5))
                        .retryOnException(e -> e instanceof ScorelineException s && s.kind() == FailureKind.RETRYABLE)
                        .build());
    }

    @Override
    public CrmProvider provider() {
        return CrmProvider.SALESFORCE;
    }

    @Override
    public ConnectionCheck check() {
        try {
            var limits = call("limits check", SalesforceRoutes.LIMITS, null, null, Map.of());
            var api = limits.path("DailyApiRequests");
            return new ConnectionCheck.Passed(
                    component.getLoginUrl(),
                    "daily API requests: "
                            + (api.path("Max").asLong() - api.path("Remaining").asLong()) + " used of "
                            + api.path("Max").asLong());
        } catch (ScorelineException e) {
            return new ConnectionCheck.ConnectionFailed(e.kind(), e.getMessage());
        }
    }

    @Override
    public List<CrmUser> users() {
        var users = new ArrayList<CrmUser>();
        var page = call(
                "user query",
                SalesforceRoutes.QUERY,
                null,
                "SELECT Id, Email, Name, IsActive FROM User ORDER BY Id",
                Map.of());
        while (true) {
            for (var row : page.path("records")) {
                users.add(new CrmUser(
                        row.path("Id").asText(),
                        row.path("Email").asText(null),
                        row.path("Name").asText(null),
                        row.path("IsActive").asBoolean(true)));
            }
            if (page.path("done").asBoolean(true)) {
                return users;
            }
            page = call(
                    "user query",
                    SalesforceRoutes.QUERY_MORE,
                    null,
                    page.path("nextRecordsUrl").asText(),
                    Map.of());
        }
    }

    @Override
    public PageSource changes(ChangeQuery query) {
        var soql = SoqlChangeQuery.of(query);
        LOG.debug("{}: {}", componentName, soql);
        var batch =
                Map.<String, Object>of("Sforce-Query-Options", "batchSize=" + Math.min(PAGE_SIZE, query.pageSize()));
        return new PageSource() {
            private String nextUrl;
            private boolean done;

            @Override
            public Optional<RecordPage> next() {
                if (done) {
                    return Optional.empty();
                }
                long before = apiCalls.get();
                var page = nextUrl == null
                        ? queryPage("query", SalesforceRoutes.QUERY_ALL, soql, batch, query.objectType())
                        : queryPage("queryMore", SalesforceRoutes.QUERY_MORE, nextUrl, batch, query.objectType());
                var records = page.records();
                done = page.done();
                nextUrl = page.nextRecordsUrl();
                var cursor = records.isEmpty()
                        ? Optional.<Checkpoint>empty()
                        : Optional.of(new Checkpoint(
                                records.getLast().modstamp(), records.getLast().recordId()));
                return Optional.of(
                        new RecordPage(query.objectType(), records, cursor, (int) (apiCalls.get() - before)));
            }
        };
    }

    @Override
    public PageSource bulkChanges(ChangeQuery query) {
        LOG.debug("{}: bulk {}", componentName, SoqlChangeQuery.of(query));
        return new SalesforceBulkQuery(
                bulkCalls, query, apiVersion, bulkPollInterval, Math.min(PAGE_SIZE, query.pageSize()));
    }

    @Override
    public boolean readsInBulk() {
        return true;
    }

    /** What a bulk query needs of this connection: raw calls through the same breaker, retries and quota. */
    private final SalesforceBulkQuery.Calls bulkCalls = new SalesforceBulkQuery.Calls() {
        @Override
        public JsonNode json(String action, String method, String path, String body) {
            return parse(
                    action,
                    send(action, SalesforceRoutes.RAW, "rawMethod=" + method + "&rawPath=" + path, body, Map.of())
                            .body());
        }

        @Override
        public RawAnswer raw(String action, String path, Map<String, Object> query) {
            var headers = new java.util.HashMap<String, Object>(query);
            headers.put("Accept", "text/csv");
            return send(
                    action,
                    SalesforceRoutes.RAW,
                    "rawMethod=GET&rawPath=" + path + "&rawHttpHeaders=Accept"
                            + (query.isEmpty() ? "" : "&rawQueryParameters=" + String.join(",", query.keySet())),
                    null,
                    headers);
        }

        @Override
        public Map<String, String> fieldTypes(String objectType) {
            return describedTypes.computeIfAbsent(objectType, type -> {
                var describe = call(
                        "describe",
                        SalesforceRoutes.DESCRIBE,
                        null,
                        null,
                        Map.of("sObjectName", SoqlChangeQuery.identifier(type)));
                var types = new java.util.HashMap<String, String>();
                for (var field : describe.path("fields")) {
                    types.put(
                            field.path("name").asText().toLowerCase(java.util.Locale.ROOT),
                            field.path("type").asText());
                }
                return types;
            });
        }

        @Override
        public long apiCalls() {
            return apiCalls.get();
        }
    };

    /** A raw answer: body text and response headers (Camel copies them onto the message). */
    record RawAnswer(String body, Map<String, Object> headers) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.valueOf(e.getValue()))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Ids per SOQL statement: keeps the query well under Salesforce's 100,000-character limit. */
    static final int IDS_PER_QUERY = 200;

    @Override
    public List<CrmRecord> read(String objectType, Set<String> fields, Collection<String> recordIds) {
        var ids = List.copyOf(new java.util.LinkedHashSet<>(recordIds));
        var records = new ArrayList<CrmRecord>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            var soql = SoqlChangeQuery.byIds(
                    objectType, fields, ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
            var page = queryPage("read by id", SalesforceRoutes.QUERY_ALL, soql, Map.of(), objectType);
            records.addAll(page.records());
            while (!page.done()) {
                page = queryPage(
                        "read by id", SalesforceRoutes.QUERY_MORE, page.nextRecordsUrl(), Map.of(), objectType);
                records.addAll(page.records());
            }
        }
        return records;
    }

    /** Query pages of {@link #PAGE_SIZE} records plus one deletions call. */
    @Override
    public long callsToRead(long records) {
        return Math.max(1, (records + PAGE_SIZE - 1) / PAGE_SIZE) + 1;
    }

    @Override
    public long count(ChangeQuery query) {
        var answer = call("count", SalesforceRoutes.QUERY_ALL, null, SoqlChangeQuery.count(query), Map.of());
        if (!answer.has("totalSize")) {
            throw new ScorelineException(FailureKind.BAD_INPUT, "malformed Salesforce count answer: no totalSize");
        }
        return answer.path("totalSize").asLong();
    }

    /** getDeleted answers only for the last 15 days; older deletions come with queryAll's IsDeleted rows. */
    static final java.time.Duration DELETED_WINDOW =
            java.time.Duration.ofDays(15).minusHours(1);

    @Override
    public RecordPage deletions(String objectType, Instant from, Instant to) {
        var earliest = clock.instant().minus(DELETED_WINDOW);
        if (!to.isAfter(earliest)) {
            return new RecordPage(objectType, List.of(), Optional.empty(), 0);
        }
        if (from.isBefore(earliest)) {
            from = earliest;
        }
        long before = apiCalls.get();
        var path =
                "/services/data/v" + apiVersion + "/sobjects/" + SoqlChangeQuery.identifier(objectType) + "/deleted/";
        var answer = call(
                "getDeleted",
                SalesforceRoutes.RAW,
                "rawMethod=GET&rawPath=" + path + "&rawQueryParameters=start,end",
                null,
                Map.of("start", SoqlChangeQuery.literal(from), "end", SoqlChangeQuery.literal(to)));
        var records = new ArrayList<CrmRecord>();
        for (var deleted : answer.path("deletedRecords")) {
            records.add(new CrmRecord(
                    objectType,
                    deleted.path("id").asText(),
                    SalesforceRows.instant(deleted.path("deletedDate").asText()),
                    true,
                    Map.of()));
        }
        return new RecordPage(objectType, records, Optional.empty(), (int) (apiCalls.get() - before));
    }

    /**
     * {@code describeGlobal} (one call through the raw route), then {@code getDescription} per
     * wanted object the org has and per queryable custom object. The calls counted are the attempts
     * made, retries included: what the org's quota was charged.
     */
    @Override
    public DiscoveredCatalog describe(Set<String> objects) {
        long before = apiCalls.get();
        var global = call(
                "describeGlobal",
                SalesforceRoutes.RAW,
                "rawMethod=GET&rawPath=/services/data/v" + apiVersion + "/sobjects/",
                null,
                Map.of());
        var catalog = FieldCatalog.empty(CrmProvider.SALESFORCE);
        for (var name : SalesforceDescribes.objectsToDescribe(global, objects)) {
            var describe = call(
                    "describe",
                    SalesforceRoutes.DESCRIBE,
                    null,
                    null,
                    Map.of("sObjectName", SoqlChangeQuery.identifier(name)));
            catalog = catalog.withObject(SalesforceDescribes.object(describe));
        }
        return new DiscoveredCatalog(catalog, apiCalls.get() - before);
    }

    @Override
    public Optional<QuotaSnapshot> quota() {
        return Optional.ofNullable(quota.get());
    }

    @Override
    public long apiCalls() {
        return apiCalls.get();
    }

    /** One API call: breaker, retries, quota header, classified failures, JSON answer. */
    private JsonNode call(String action, String route, String rawOptions, Object body, Map<String, Object> headers) {
        return parse(action, send(action, route, rawOptions, body, headers).body());
    }

    /** One query call, its answer read as a stream of records (the body is never a string). */
    private QueryPageReader.QueryPage queryPage(
            String action, String route, Object body, Map<String, Object> headers, String objectType) {
        return QueryPageReader.read(
                action,
                objectType,
                exchange(action, route, null, body, headers).getMessage().getBody(InputStream.class));
    }

    /** One API call: breaker, retries, quota header, classified failures; the answer as text with its headers. */
    private RawAnswer send(String action, String route, String rawOptions, Object body, Map<String, Object> headers) {
        var answer = exchange(action, route, rawOptions, body, headers).getMessage();
        return new RawAnswer(answer.getBody(String.class), answer.getHeaders());
    }

    /**
     * One API call through its route ({@link SalesforceRoutes}), inside the integration's circuit
     * breaker and this connection's retries; the exchange that succeeded.
     *
     * @param rawOptions the raw endpoint's options, for {@link SalesforceRoutes#RAW} only
     */
    private Exchange exchange(
            String action, String route, String rawOptions, Object body, Map<String, Object> headers) {
        Supplier<Exchange> attempt = () -> {
            apiCalls.incrementAndGet();
            Exchange exchange = producer.request(route, ex -> {
                ex.setProperty(SalesforceRoutes.SESSION, componentName);
                ex.setProperty(SalesforceRoutes.ACTION, action);
                if (rawOptions != null) {
                    ex.setProperty(SalesforceRoutes.RAW_OPTIONS, rawOptions);
                }
                ex.getIn().setBody(body);
                ex.getIn().setHeaders(new java.util.HashMap<>(headers));
            });
            recordQuota(exchange);
            if (exchange.getException() != null) {
                // The route classified what the component threw; anything else failed in Camel itself.
                throw exchange.getException() instanceof ScorelineException classified
                        ? classified
                        : SalesforceFailures.classify(action, exchange.getException());
            }
            return exchange;
        };
        try {
            return breaker.executeSupplier(Retry.decorateSupplier(retry, attempt));
        } catch (CallNotPermittedException e) {
            throw new ScorelineException(
                    FailureKind.RETRYABLE,
                    "salesforce calls for " + componentName
                            + " are paused after repeated failures (circuit open); the next run tries again",
                    e);
        }
    }

    private void recordQuota(Exchange exchange) {
        var header = exchange.getMessage().getHeader("Sforce-Limit-Info", String.class);
        var usage = SalesforceLimitInfo.parse(header);
        usage.ifPresent(quota::set);
    }

    private static JsonNode parse(String action, String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ScorelineException(
                    FailureKind.BAD_INPUT,
                    "salesforce " + action + " answered with malformed JSON: " + e.getOriginalMessage());
        }
    }

    @Override
    public void close() {
        try {
            producer.close();
            camel.removeEndpoints(componentName + ":*");
            camel.removeComponent(componentName);
            component.stop();
        } catch (Exception e) {
            LOG.warn("Closing the Salesforce session of {} failed: {}", componentName, e.getMessage());
        }
    }
}
