/**
 * The only types connectors and the pipeline share: providers, credentials, records read from a
 * CRM, checkpoints and the failure kinds every layer classifies errors into.
 *
 * <p>Nothing here touches a database or the network; connectors depend on this package and on
 * {@code io.scoreline.mappings}, never on {@code io.scoreline.pipeline} or on each other.
 */
package io.scoreline.connectors.spi;
