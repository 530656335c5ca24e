/**
 * The database underneath the pipeline: the embedded default server, migrations, the runtime
 * pool and {@link io.scoreline.pipeline.database.TenantTransactions}, the one way to run a unit
 * of work for an organization.
 */
package io.scoreline.pipeline.database;
