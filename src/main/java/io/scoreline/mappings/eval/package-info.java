/**
 * The exact evaluator: checked expressions compiled once into condition and value trees,
 * applied to each record's field map with SOQL semantics and DESIGN §6's null rules. Internal
 * to the mappings package.
 */
package io.scoreline.mappings.eval;
