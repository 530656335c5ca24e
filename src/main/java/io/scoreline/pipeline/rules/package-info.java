/**
 * Mapping rule sets: storage (immutable versions per integration, one active) and the use cases
 * every entry point goes through: {@link io.scoreline.pipeline.rules.RuleDocumentCheck} (validate
 * a document, try it on records; no database) and {@link io.scoreline.pipeline.rules.RuleSetVersions}
 * (set a new version with its diff, roll back to a stored one, show them), and for callers that
 * name an integration {@link io.scoreline.pipeline.rules.IntegrationRuleChecks} (validate and try a
 * document against its catalog, in its organization's zone) and {@link
 * io.scoreline.pipeline.rules.RuleSetHistory} (its versions a page at a time, with the KPIs each defines).
 */
package io.scoreline.pipeline.rules;
