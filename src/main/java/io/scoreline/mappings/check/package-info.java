/**
 * Semantic checking of rule documents against a field catalog: parse trees in, typed
 * {@link io.scoreline.mappings.ast.KpiDefinition}s and positioned problems out. Internal to the
 * mappings package.
 */
package io.scoreline.mappings.check;
