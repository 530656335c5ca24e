package io.scoreline.connectors.hubspot;

import io.scoreline.failure.ScorelineException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * HubSpot's read operations as Camel routes, one {@code direct:} entry point each, shared by every
 * connected portal: the exchange carries the connection ({@link #CONNECTION}, whose portal limiter,
 * token and counters the call uses) and the {@link HubSpotApi.Request} in its body; the answer is
 * the JSON object, or the exchange fails with a classified {@link ScorelineException}.
 * <p>
 * The HTTP exchange itself stays on the JDK client the factory shares (virtual threads, no
 * redirects, per-request timeout), called from the route's one step: see ADR 0026 for why not
 * camel-http. Camel's redelivery is off ({@code noErrorHandler}); retries and the circuit breaker
 * are Resilience4j's around the route call, as for Salesforce. Stream caching is off: answers are
 * parsed once, in the step.
 */
final class HubSpotRoutes extends RouteBuilder {

    /** Exchange property: the {@link HubSpotApi} (one connection to one portal) making the call. */
    static final String CONNECTION = "scorelineHubSpotConnection";

    /** GET owners, active or archived, one page. */
    static final String OWNERS = "direct:hubspot-owners";
    /** POST a CRM search: changes by modification time, counts; paced by the search limit. */
    static final String SEARCH = "direct:hubspot-search";
    /** POST a batch read of up to 100 ids, live or archived. */
    static final String BATCH_READ = "direct:hubspot-batch-read";
    /** GET one page of an object type's archived list. */
    static final String ARCHIVED = "direct:hubspot-archived";
    /** GET the portal's custom object schemas, or one object type's property definitions. */
    static final String SCHEMAS = "direct:hubspot-schemas";

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        operation(OWNERS, "hubspot-owners");
        operation(SEARCH, "hubspot-search");
        operation(BATCH_READ, "hubspot-batch-read");
        operation(ARCHIVED, "hubspot-archived");
        operation(SCHEMAS, "hubspot-schemas");
    }

    private void operation(String entry, String routeId) {
        from(entry).routeId(routeId).streamCache("false").process(HubSpotRoutes::send);
    }

    private static void send(Exchange exchange) {
        var connection = exchange.getProperty(CONNECTION, HubSpotApi.class);
        exchange.getMessage().setBody(connection.send(exchange.getMessage().getBody(HubSpotApi.Request.class)));
    }
}
