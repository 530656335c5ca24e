/**
 * Who changed what: an {@code audit_log} row per write, appended in the transaction of the write
 * itself, so that a change and its record commit or roll back together (issue 21).
 */
package io.scoreline.pipeline.audit;
