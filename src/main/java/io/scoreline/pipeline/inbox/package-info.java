/**
 * The webhook inbox (ADR 0005): controllers insert authenticated events with a dedupe key and
 * answer at once; workers claim due rows per organization ({@code FOR UPDATE SKIP LOCKED}),
 * coalesce them per integration and object, read the records' current state from the CRM and
 * write it through the same page transaction as a sync, marking the rows done in that transaction.
 * Webhooks are routed only to the active holders of their CRM account; a bad event is isolated
 * from its batch and parked alone (ADR 0021).
 */
package io.scoreline.pipeline.inbox;
