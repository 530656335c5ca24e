/**
 * Retention: what the database stops keeping, and when. Finished work (done webhook inbox rows,
 * processed KPI change rows, old runs) is deleted in small batches, one organization at a time,
 * so the tables that every sync and webhook writes stop growing for ever.
 */
package io.scoreline.pipeline.retention;
