/**
 * The only types connectors and the pipeline share: providers, credentials, records read from a
 * CRM, checkpoints and the failure kinds every layer classifies errors into; and each CRM's
 * {@code CrmProfile}, through which the pipeline and the HTTP intake ask what differs between CRMs
 * (settings, webhook decoding and verification, values in events, push-down) without naming one
 * (ADR 0028).
 *
 * <p>Nothing here touches a database or the network; connectors depend on this package and on
 * {@code io.scoreline.mappings}, never on {@code io.scoreline.pipeline} or on each other.
 */
package io.scoreline.connectors.spi;
