/**
 * The mapping rule language (DESIGN §6): turns CRM records into KPI facts by per-integration
 * rule documents. Pure Java: it depends on the JDK, the ANTLR runtime (the expression language)
 * and SnakeYAML (the documents) only, does no I/O and reads no clock.
 *
 * <h2>Use</h2>
 * <ul>
 *   <li>{@link io.scoreline.mappings.MappingCompiler#compile(String, FieldCatalog)} checks a
 *       document against a {@link io.scoreline.mappings.FieldCatalog} (the stock one from
 *       {@link io.scoreline.mappings.FieldCatalog#stock(CrmProvider)}, merged with what the
 *       connectors' describe/properties calls report) and returns
 *       {@link io.scoreline.mappings.CompileResult.Compiled} or
 *       {@link io.scoreline.mappings.CompileResult.Rejected}; each
 *       {@link io.scoreline.mappings.Problem} formats as {@code FILE:LINE:COL: message}.</li>
 *   <li>{@link io.scoreline.mappings.RuleSet#evaluate} turns one
 *       {@link io.scoreline.mappings.MappingRecord} into {@link io.scoreline.mappings.Fact}s;
 *       {@link io.scoreline.mappings.RuleSet#fieldsByObject()} is the field projection and
 *       {@link io.scoreline.mappings.RuleSet#canonicalText()} the text to store as a version.</li>
 *   <li>{@link io.scoreline.mappings.RuleSetDiff} compares versions KPI by KPI;
 *       {@link io.scoreline.mappings.CrmRecords} builds records from API objects.</li>
 *   <li>{@link io.scoreline.mappings.pushdown} compiles rules into SOQL and HubSpot search filters.</li>
 * </ul>
 *
 * <h2>Guarantees</h2>
 * Bad documents never throw: every problem carries a line and column, and one bad KPI rule never
 * hides the problems of the others. Documents are limited to
 * {@value io.scoreline.mappings.MappingCompiler#MAX_DOCUMENT_CHARS} characters, expressions to 32
 * levels of nesting. Compiled rule sets are immutable and thread-safe, and evaluate records
 * without parsing or reflection.
 *
 * <p>Sub-packages {@code ast} (checked expression trees, read by the push-down compilers),
 * {@code check}, {@code eval}, {@code yaml} and {@code grammar} are the implementation.
 */
package io.scoreline.mappings;
