/**
 * The database underneath the pipeline: the embedded default server, migrations, the runtime
 * pool and {@link io.scoreline.pipeline.database.TenantTransactions}, the one way to run a unit
 * of work for an organization, and {@link io.scoreline.pipeline.database.BinaryArrayParam}, the
 * array parameters of set-based writes. The embedded server is durable, takes password logins on
 * loopback only, and has one owner at a time across Scoreline processes (ADR 0019).
 */
package io.scoreline.pipeline.database;
