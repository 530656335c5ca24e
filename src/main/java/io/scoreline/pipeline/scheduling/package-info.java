/**
 * Scheduled syncs: one Quartz job per integration in the clustered JDBC job store on the
 * application database, so that several {@code scoreline serve} nodes can share one PostgreSQL
 * and each fire still runs once (DESIGN §4, §9).
 *
 * <p>{@link io.scoreline.pipeline.scheduling.IntegrationScheduler} owns the Quartz scheduler and
 * makes it match the integration directory; {@link io.scoreline.pipeline.scheduling.ScheduledSyncLauncher}
 * is the one call a fire makes into the sync service. {@link io.scoreline.pipeline.runs.IntegrationRunLocks}
 * keeps a scheduled run and a manual {@code scoreline sync} in another process from running the
 * same integration at once, which Quartz alone cannot see.
 */
package io.scoreline.pipeline.scheduling;
