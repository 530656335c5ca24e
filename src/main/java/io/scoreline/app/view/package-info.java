/**
 * The JSON words of each thing, shared by the CLI's {@code --json} and the API: one shape, so they
 * cannot drift. Every record is {@code @JsonInclude(ALWAYS)}: the CLI writes JSON with Jackson,
 * which keeps nulls, the API with Micronaut serde, which drops them unless told; ALWAYS makes both
 * write the same fields.
 */
package io.scoreline.app.view;
