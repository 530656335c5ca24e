package io.scoreline.sim.hubspot;

import io.scoreline.sim.data.SyntheticDataset;
import io.scoreline.sim.fault.Fault;
import io.scoreline.sim.http.Reply;
import io.scoreline.sim.http.Router;
import io.scoreline.sim.http.SimHttpServer;
import io.scoreline.sim.http.SimRequest;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulated HubSpot portal: every API under one origin (the official client's {@code basePath}).
 * Non-search calls share a ten-second rolling limit and report it in {@code X-HubSpot-RateLimit-*}
 * headers; searches have their own per-second limit and carry no rate-limit headers.
 */
public final class HubSpotSimulator implements AutoCloseable {

    private static final String OBJECTS = "/crm/v3/objects/([\\w-]+)";
    /** Both spellings clients use: the SDK's {@code /crm/v3/schemas} and the spec's {@code /crm-object-schemas/v3/schemas}. */
    private static final String SCHEMAS = "/(crm/v3|crm-object-schemas/v3)/schemas";

    private final HubSpotSettings settings;
    private final HubSpotRecords records;
    private final HubSpotTokens tokens;
    private final HubSpotOAuthHandler oauth;
    private final HubSpotAuthorizeHandler authorize;
    private final SlidingWindowLimiter burst;
    private final SlidingWindowLimiter search;
    private final AtomicReference<LocalDate> day = new AtomicReference<>();
    private final AtomicLong usedToday = new AtomicLong();
    private final Router api = new Router();
    private final SimHttpServer server;

    private HubSpotSimulator(SyntheticDataset dataset, HubSpotSettings settings) {
        this.settings = settings;
        this.records = new HubSpotRecords(dataset);
        this.tokens = new HubSpotTokens(
                settings.clock(),
                settings.credentials(),
                () -> settings.faults().spec().tokenLifetime().orElse(settings.tokenLifetime()));
        // HubSpot's codes are short-lived; five minutes is what its guides allow for the exchange.
        var codes = new io.scoreline.sim.oauth.AuthorizationCodes(settings.clock(), Duration.ofMinutes(5));
        this.oauth = new HubSpotOAuthHandler(settings.credentials(), tokens, codes);
        this.authorize = new HubSpotAuthorizeHandler(settings.credentials(), codes);
        this.burst =
                new SlidingWindowLimiter(settings.clock(), Duration.ofSeconds(10), settings.requestsPerTenSeconds());
        this.search = new SlidingWindowLimiter(settings.clock(), Duration.ofSeconds(1), settings.searchesPerSecond());
        HubSpotObjectsHandler objects = new HubSpotObjectsHandler(records, settings.clock());
        HubSpotSearchHandler searches = new HubSpotSearchHandler(records);
        HubSpotDirectoryHandler directory =
                new HubSpotDirectoryHandler(dataset, records.schemaDrift(), records.typeNames());
        HubSpotSchemasHandler schemas = new HubSpotSchemasHandler(
                records.typeNames(), dataset.spec().historyStart().minusSeconds(30L * 24 * 3600));
        api.on("POST", OBJECTS + "/search/?", (r, g) -> searches.search(r, g.get(0)))
                .on("POST", OBJECTS + "/batch/read/?", (r, g) -> objects.batchRead(r, g.get(0)))
                .on("GET", OBJECTS + "/?", (r, g) -> objects.list(r, g.get(0)))
                .on("GET", OBJECTS + "/(\\d+)/?", (r, g) -> objects.read(r, g.get(0), g.get(1)))
                .on("GET", "/crm/v3/owners/?", (r, g) -> directory.owners(r))
                .on("GET", "/crm/v3/owners/(\\d+)/?", (r, g) -> directory.owner(r, g.get(0)))
                .on("GET", "/crm/v3/properties/([\\w-]+)/?", (r, g) -> directory.properties(g.get(0)))
                .on("GET", "/crm/v3/properties/([\\w-]+)/(\\w+)/?", (r, g) -> directory.property(g.get(0), g.get(1)))
                .on("GET", "/calling/v1/dispositions/?", (r, g) -> directory.dispositions())
                .on("GET", SCHEMAS + "/?", (r, g) -> schemas.list(r))
                .on("GET", SCHEMAS + "/([\\w-]+)/?", (r, g) -> schemas.read(g.get(1)));
        this.server = SimHttpServer.start(settings.port(), this::handle);
    }

    public static HubSpotSimulator start(SyntheticDataset dataset, HubSpotSettings settings) {
        return new HubSpotSimulator(dataset, settings);
    }

    public URI baseUri() {
        return server.baseUri();
    }

    public HubSpotCredentials credentials() {
        return settings.credentials();
    }

    public HubSpotRecords records() {
        return records;
    }

    /**
     * Schema drift control: delete, rename and restore properties of this portal at runtime (the
     * properties API, searches, reads and the dump follow at once).
     */
    public HubSpotSchemaDrift schemaDrift() {
        return records.schemaDrift();
    }

    /** The webhook events this portal's changes make, custom-object events carrying its {@code 2-…} type id. */
    public HubSpotWebhookEvents webhookEvents(java.time.ZoneId zone, java.time.Clock clock) {
        return new HubSpotWebhookEvents(
                settings.credentials(), zone, clock, records.typeNames(), records.schemaDrift());
    }

    /** Ends every OAuth access token (the private-app token keeps working). */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    private Reply handle(SimRequest request) {
        String path = request.path();
        if ((path.equals("/oauth/v1/token") || path.equals("/oauth/v3/token"))
                && request.method().equals("POST")) {
            return oauth.token(request);
        }
        if (path.equals(HubSpotAuthorizeHandler.PATH)
                && (request.method().equals("GET") || request.method().equals("POST"))) {
            return authorize.handle(request);
        }
        if (path.startsWith("/oauth/v1/access-tokens/")) {
            return oauth.accessTokenInfo(path.substring("/oauth/v1/access-tokens/".length()));
        }
        if (!api.knowsPath(path)) {
            return HubSpotErrors.notFound();
        }
        Optional<Reply> denied = authenticate(request);
        if (denied.isPresent()) {
            return denied.get();
        }
        boolean isSearch = path.endsWith("/search") || path.endsWith("/search/");
        Optional<Reply.Response> limited = isSearch ? searchLimit() : burstLimit();
        if (limited.isPresent()) {
            return limited.get();
        }
        Fault fault = settings.faults().next();
        Reply reply = switch (fault) {
            case Fault.None none -> route(request);
            case Fault.Malformed malformed -> route(request);
            case Fault.Throttled throttled ->
                HubSpotErrors.rateLimited("TEN_SECONDLY_ROLLING", HubSpotErrors.TEN_SECONDLY_MESSAGE)
                        .withHeader("Retry-After", "1");
            case Fault.ServerError error ->
                HubSpotErrors.of(502, "INTERNAL_ERROR", "Request processing failed; please retry");
            case Fault.Timeout timeout -> new Reply.Silence(settings.timeoutHold());
        };
        return switch (reply) {
            case Reply.Response response -> {
                Reply.Response withHeaders = isSearch ? response : rateHeaders(response);
                yield fault instanceof Fault.Malformed ? withHeaders.truncated() : withHeaders;
            }
            case Reply.Silence silence -> silence;
        };
    }

    private Reply route(SimRequest request) {
        return api.dispatch(request)
                .orElseGet(() -> HubSpotErrors.of(
                        405,
                        "VALIDATION_ERROR",
                        "HTTP method " + request.method() + " is not supported by this resource"));
    }

    private Optional<Reply> authenticate(SimRequest request) {
        Optional<String> bearer = request.header("Authorization")
                .map(String::trim)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim());
        if (bearer.isEmpty()) {
            return Optional.of(HubSpotErrors.unauthenticated());
        }
        return switch (tokens.check(bearer.get())) {
            case HubSpotTokens.Check.Valid valid -> Optional.empty();
            case HubSpotTokens.Check.Expired expired ->
                Optional.of(HubSpotErrors.expired(Math.max(1, expired.ago().toMinutes())));
            case HubSpotTokens.Check.Unknown unknown -> Optional.of(HubSpotErrors.unauthenticated());
        };
    }

    private Optional<Reply.Response> searchLimit() {
        if (search.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(HubSpotErrors.rateLimited("SECONDLY", HubSpotErrors.SECONDLY_MESSAGE)
                .withHeader("Retry-After", "1"));
    }

    private Optional<Reply.Response> burstLimit() {
        LocalDate today = LocalDate.ofInstant(settings.clock().instant(), ZoneOffset.UTC);
        if (!today.equals(day.getAndSet(today))) {
            usedToday.set(0);
        }
        if (usedToday.get() >= settings.dailyLimit()) {
            return Optional.of(rateHeaders(HubSpotErrors.rateLimited("DAILY", "You have reached your daily limit.")));
        }
        if (!burst.tryAcquire()) {
            return Optional.of(
                    rateHeaders(HubSpotErrors.rateLimited("TEN_SECONDLY_ROLLING", HubSpotErrors.TEN_SECONDLY_MESSAGE))
                            .withHeader("Retry-After", Long.toString(burst.retryAfterSeconds())));
        }
        usedToday.incrementAndGet();
        return Optional.empty();
    }

    private Reply.Response rateHeaders(Reply.Response response) {
        return response.withHeader(
                        "X-HubSpot-RateLimit-Interval-Milliseconds",
                        Long.toString(burst.window().toMillis()))
                .withHeader("X-HubSpot-RateLimit-Max", Integer.toString(burst.max()))
                .withHeader("X-HubSpot-RateLimit-Remaining", Integer.toString(burst.remaining()))
                .withHeader("X-HubSpot-RateLimit-Daily", Long.toString(settings.dailyLimit()))
                .withHeader(
                        "X-HubSpot-RateLimit-Daily-Remaining",
                        Long.toString(Math.max(0, settings.dailyLimit() - usedToday.get())));
    }

    @Override
    public void close() {
        server.close();
    }
}
