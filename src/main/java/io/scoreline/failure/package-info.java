/**
 * The one unchecked exception root of Scoreline, {@link io.scoreline.failure.ScorelineException},
 * and the {@link io.scoreline.failure.FailureKind} that decides retries, exit codes and HTTP
 * statuses. It sits below every other package (the rule language included) so that each layer
 * can fail in the same vocabulary without depending on the connector SPI.
 */
package io.scoreline.failure;
