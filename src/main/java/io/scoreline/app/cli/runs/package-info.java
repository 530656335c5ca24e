/**
 * {@code scoreline sync}, {@code backfill}, {@code remap}, {@code runs} and {@code inbox}: runs an
 * operator starts, their history, and the webhook inbox. Commands parse, call
 * {@code OnDemandRuns} or {@code InboxReplay}, and print (ADR 0029).
 */
package io.scoreline.app.cli.runs;
