/**
 * The console's Mappings pages (issue 24, ADR 0056): per integration, edit the rule document with
 * its problems at their line and column, a preview of the facts it derives from stored records
 * against the active version, completion from the integration's catalog, save with the diff,
 * roll back, and what a remap would cost. Every decision is a use case's: {@code
 * RuleDraftPreview}, {@code RuleSetVersions}, {@code RuleSetHistory}, {@code OnDemandRuns}.
 */
package io.scoreline.app.console.mappings;
