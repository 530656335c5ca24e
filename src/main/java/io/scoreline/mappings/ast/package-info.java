/**
 * Checked, typed expression trees of the rule language: what the checker produces, the
 * evaluator and push-down compilers consume, and the canonical text is rendered from.
 */
package io.scoreline.mappings.ast;
