package io.scoreline.connectors.salesforce;

import io.scoreline.failure.ScorelineException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * Salesforce's read operations as Camel routes, one {@code direct:} entry point each, shared by
 * every connected org: the exchange names the org's session (its own Camel Salesforce component)
 * in {@link #SESSION}, and {@link #ACTION} says what the call is for in failure messages.
 * <p>
 * Each route ends in one classified outcome: whatever the component throws leaves the route as a
 * {@link ScorelineException} of {@link SalesforceFailures#classify}. Camel's own redelivery is off
 * ({@code noErrorHandler}): retries and the circuit breaker are Resilience4j's, around the whole
 * route call, so one mechanism decides every CRM retry (ADR 0026). Stream caching is off too: a
 * query page is read once, as a stream, by {@link QueryPageReader}; caching would copy every page
 * before it is parsed (ADR 0017, 0026).
 */
final class SalesforceRoutes extends RouteBuilder {

    /** Exchange property: the name of the org's Camel Salesforce component. */
    static final String SESSION = "scorelineSalesforceSession";
    /** Exchange property: the call's purpose, as failure messages name it. */
    static final String ACTION = "scorelineSalesforceAction";

    /** SOQL in the body; the first page of a {@code query} (live records only). */
    static final String QUERY = "direct:salesforce-query";
    /** SOQL in the body; the first page of a {@code queryAll} (deleted and archived records too). */
    static final String QUERY_ALL = "direct:salesforce-query-all";
    /** The previous page's {@code nextRecordsUrl} in the body. */
    static final String QUERY_MORE = "direct:salesforce-query-more";
    /** The org's limits (the connection check). */
    static final String LIMITS = "direct:salesforce-limits";
    /** Header {@code sObjectName}: the object's field descriptions. */
    static final String DESCRIBE = "direct:salesforce-describe";
    /**
     * A REST call with no typed operation in camel-salesforce ({@code getDeleted}) or whose answer
     * must stay a stream with its response headers (Bulk API 2.0 results and their
     * {@code Sforce-Locator}): the caller gives {@code rawMethod}, {@code rawPath} and friends as the
     * endpoint's query in {@link #RAW_OPTIONS}.
     */
    static final String RAW = "direct:salesforce-raw";
    /** Exchange property: the raw endpoint's options ({@code rawMethod=GET&rawPath=…}). */
    static final String RAW_OPTIONS = "scorelineSalesforceRawOptions";

    @Override
    public void configure() {
        errorHandler(noErrorHandler());
        operation(QUERY, "salesforce-query", "query?rawPayload=true");
        operation(QUERY_ALL, "salesforce-query-all", "queryAll?rawPayload=true");
        operation(QUERY_MORE, "salesforce-query-more", "queryMore?rawPayload=true");
        operation(LIMITS, "salesforce-limits", "limits?rawPayload=true");
        operation(DESCRIBE, "salesforce-describe", "getDescription?rawPayload=true");
        operation(RAW, "salesforce-raw", "raw?${exchangeProperty." + RAW_OPTIONS + "}");
    }

    private void operation(String entry, String routeId, String operation) {
        RouteDefinition route = from(entry).routeId(routeId).streamCache("false");
        route.doTry()
                .toD("${exchangeProperty." + SESSION + "}:" + operation)
                .doCatch(Exception.class)
                .process(exchange -> {
                    throw classified(exchange);
                })
                .end();
    }

    /** What the component threw, as the one exception root with its kind. */
    static ScorelineException classified(Exchange exchange) {
        var caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return SalesforceFailures.classify(exchange.getProperty(ACTION, "call", String.class), caught);
    }
}
