package io.scoreline.sim.salesforce;

import io.scoreline.sim.data.SyntheticDataset;
import io.scoreline.sim.fault.Fault;
import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.Router;
import io.scoreline.sim.http.SimHttpServer;
import io.scoreline.sim.http.SimRequest;
import io.scoreline.sim.salesforce.soql.SoqlEvaluator;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * A simulated Salesforce org on one base URL that is both login host and instance: OAuth under
 * {@code /services/oauth2}, REST under {@code /services/data/vNN.N}. Every REST response carries
 * {@code Sforce-Limit-Info}; faults apply to REST calls only, so logins stay reliable.
 */
public final class SalesforceSimulator implements AutoCloseable {

    private static final String V = "/services/data/v(\\d+\\.\\d)";
    private static final Pattern DATA_API = Pattern.compile("/services/data/v\\d+\\.\\d(/.*)?");

    private final SalesforceSettings settings;
    private final SalesforceRecords records;
    private final ApiQuota quota;
    private final SalesforceTokens tokens;
    private final SalesforceTokenHandler tokenHandler;
    private final SalesforceAuthorizeHandler authorize;
    private final SalesforceMetadataHandler metadata;
    private final SalesforceBulkQueryHandler bulk;
    private final java.util.concurrent.atomic.AtomicBoolean failBulkJobs =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final Router dataApi = new Router();
    private final AtomicReference<URI> baseUri = new AtomicReference<>();
    private final SimHttpServer server;

    private SalesforceSimulator(SyntheticDataset dataset, SalesforceSettings settings) {
        this.settings = settings;
        this.records = new SalesforceRecords(dataset, settings.credentials().username());
        this.quota = new ApiQuota(settings.clock(), settings.dailyApiLimit());
        this.tokens = new SalesforceTokens(
                settings.clock(),
                settings.orgId(),
                () -> settings.faults().spec().tokenLifetime().orElse(settings.tokenLifetime()));
        // Salesforce's codes live 15 minutes.
        var codes = new io.scoreline.sim.oauth.AuthorizationCodes(settings.clock(), java.time.Duration.ofMinutes(15));
        this.tokenHandler = new SalesforceTokenHandler(
                settings.credentials(),
                tokens,
                settings.clock(),
                settings.orgId(),
                baseUri::get,
                this::userIdByUsername,
                codes);
        this.authorize = new SalesforceAuthorizeHandler(settings.credentials(), codes);
        this.metadata = new SalesforceMetadataHandler(quota, records);
        SalesforceQueryEngine engine = new SalesforceQueryEngine(
                records,
                new SoqlEvaluator(settings.clock(), dataset.spec().zone()),
                new QueryCursors(settings.clock(), settings.cursorIdleTime(), 50));
        SalesforceQueryHandler query = new SalesforceQueryHandler(engine);
        SalesforceReplicationHandler replication = new SalesforceReplicationHandler(records, settings.clock());
        double bulkFailure = settings.faults().spec().bulkJobFailure();
        this.bulk = new SalesforceBulkQueryHandler(
                engine,
                settings.clock(),
                job -> failBulkJobs.get()
                        || (bulkFailure > 0
                                && io.scoreline.sim.data.SeedMixer.random(
                                                        settings.orgId().hashCode(), "bulk-fail".hashCode(), job)
                                                .nextDouble()
                                        < bulkFailure));
        String job = V + "/jobs/query/(750\\w{15})";
        dataApi.on("GET", V + "/?", (r, g) -> metadata.resources(g.get(0)))
                .on("GET", V + "/query/?", (r, g) -> query.query(r, g.get(0), false))
                .on("GET", V + "/queryAll/?", (r, g) -> query.query(r, g.get(0), true))
                .on("GET", V + "/(?:query|queryAll)/([\\w-]+)", (r, g) -> query.more(g.get(1), g.get(0)))
                .on("GET", V + "/limits/?", (r, g) -> metadata.limits())
                .on("GET", V + "/sobjects/?", (r, g) -> metadata.globalDescribe(g.get(0)))
                .on("GET", V + "/sobjects/(\\w+)/describe/?", (r, g) -> metadata.describe(g.get(1), g.get(0)))
                .on("GET", V + "/sobjects/(\\w+)/updated/?", (r, g) -> replication.updated(r, g.get(1)))
                .on("GET", V + "/sobjects/(\\w+)/deleted/?", (r, g) -> replication.deleted(r, g.get(1)))
                .on(
                        "GET",
                        V + "/sobjects/(\\w+)/(\\w{15}|\\w{18})/?",
                        (r, g) -> metadata.record(g.get(1), g.get(2), g.get(0)))
                .on("POST", V + "/jobs/query/?", (r, g) -> bulk.create(r, g.get(0)))
                .on("GET", V + "/jobs/query/?", (r, g) -> bulk.list())
                .on("GET", job + "/?", (r, g) -> bulk.get(g.get(1)))
                .on("GET", job + "/results/?", (r, g) -> bulk.results(r, g.get(1), g.get(0)))
                .on("PATCH", job + "/?", (r, g) -> bulk.abort(r, g.get(1)))
                .on("DELETE", job + "/?", (r, g) -> bulk.delete(g.get(1)));
        this.server = SimHttpServer.start(settings.port(), this::handle);
        baseUri.set(server.baseUri());
    }

    public static SalesforceSimulator start(SyntheticDataset dataset, SalesforceSettings settings) {
        return new SalesforceSimulator(dataset, settings);
    }

    /** Login URL and instance URL alike, without a trailing slash. */
    public URI baseUri() {
        return baseUri.get();
    }

    public String orgId() {
        return settings.orgId();
    }

    public SalesforceCredentials credentials() {
        return settings.credentials();
    }

    public ApiQuota quota() {
        return quota;
    }

    public SalesforceRecords records() {
        return records;
    }

    /**
     * Schema drift control: delete, rename and restore fields of this org at runtime (describe,
     * SOQL, Bulk, outbound messages and the dump follow at once).
     */
    public SalesforceSchemaDrift schemaDrift() {
        return records.schemaDrift();
    }

    /**
     * Formula drift control: the per-stage probabilities {@code Opportunity.Expected_Revenue__c} is
     * computed from; a change alters the field on existing records without moving their SystemModstamp.
     */
    public StageProbabilities stageProbabilities() {
        return records.stageProbabilities();
    }

    /** Bulk API query jobs created so far (deleted ones included). */
    public long bulkJobsCreated() {
        return bulk.created();
    }

    /** From now on, every new Bulk API query job fails (or, with false, only those the bulk-fail fault picks). */
    public void failBulkJobs(boolean fail) {
        failBulkJobs.set(fail);
    }

    /** Invalidates every access token, so the next call gets a 401 and the client must log in again. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    private Reply handle(SimRequest request) {
        String path = request.path();
        if (path.equals("/services/oauth2/token") && request.method().equals("POST")) {
            return tokenHandler.token(request);
        }
        if (path.equals(SalesforceAuthorizeHandler.PATH)
                && (request.method().equals("GET") || request.method().equals("POST"))) {
            return authorize.handle(request);
        }
        if (path.equals("/services/oauth2/revoke")) {
            return tokenHandler.revoke(request);
        }
        if (path.equals("/services/data") || path.equals("/services/data/")) {
            return metadata.versions();
        }
        if (!DATA_API.matcher(path).matches()) {
            return SalesforceErrors.notFound();
        }
        if (authenticatedSession(request).isEmpty()) {
            return SalesforceErrors.invalidSession().withHeader("Sforce-Limit-Info", quota.limitInfo());
        }
        Fault fault = settings.faults().next();
        if (!quota.tryConsume()) {
            return SalesforceErrors.requestLimitExceeded().withHeader("Sforce-Limit-Info", quota.limitInfo());
        }
        Reply reply = switch (fault) {
            case Fault.None none -> dataApi.dispatch(request).orElseGet(SalesforceErrors::notFound);
            case Fault.Throttled throttled -> SalesforceErrors.of(503, "SERVER_UNAVAILABLE", "Server is too busy");
            case Fault.ServerError error ->
                SalesforceErrors.of(
                        500,
                        "UNKNOWN_EXCEPTION",
                        "An unexpected error occurred. Please include this ErrorId if you contact support: 0-0 (0)");
            case Fault.Timeout timeout -> new Reply.Silence(settings.timeoutHold());
            case Fault.Malformed malformed -> dataApi.dispatch(request).orElseGet(SalesforceErrors::notFound);
        };
        return switch (reply) {
            case Reply.Response response -> {
                Reply.Response limited = response.withHeader("Sforce-Limit-Info", quota.limitInfo());
                yield fault instanceof Fault.Malformed ? limited.truncated() : limited;
            }
            case Reply.Silence silence -> silence;
        };
    }

    private Optional<SalesforceSession> authenticatedSession(SimRequest request) {
        return request.header("Authorization")
                .map(String::trim)
                .filter(value ->
                        value.regionMatches(true, 0, "Bearer ", 0, 7) || value.regionMatches(true, 0, "OAuth ", 0, 6))
                .map(value -> value.substring(value.indexOf(' ') + 1).trim())
                .flatMap(tokens::validate);
    }

    private Optional<String> userIdByUsername(String username) {
        if (settings.credentials().username().equalsIgnoreCase(username)) {
            return Optional.of(SalesforceRecords.integrationUserId());
        }
        return records.rows(SalesforceSchema.USER)
                .filter(user -> username.equalsIgnoreCase((String) user.value("Username"))
                        && Boolean.TRUE.equals(user.value("IsActive")))
                .map(SalesforceRow::id)
                .findFirst();
    }

    @Override
    public void close() {
        server.close();
    }
}
