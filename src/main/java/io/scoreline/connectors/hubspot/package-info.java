/**
 * The HubSpot connector: the CRM v3 APIs as the routes of
 * {@link io.scoreline.connectors.hubspot.HubSpotRoutes}, whose step sends over the JDK's HTTP
 * client on virtual threads, with Resilience4j retries and a circuit breaker per integration
 * (ADR 0026). Incremental reads
 * use CRM search on {@code hs_lastmodifieddate} with keyset windows that never reach the
 * 10,000-result cap; archived records come from the archived list API; owners are the users.
 * Private-app tokens and OAuth refresh tokens (refreshed ahead of expiry, one refresh at a time per
 * portal, rotated tokens handed to the pipeline); a rate limiter per portal follows HubSpot's
 * rate-limit headers and {@code Retry-After}, with the search limit kept apart. See ADR 0004.
 *
 * <p>{@code HubSpotProfile} is what the rest of Scoreline asks of HubSpot (ADR 0028): typed
 * settings, v3-signed webhook batches routed by portal, property changes that carry their values.
 */
package io.scoreline.connectors.hubspot;
