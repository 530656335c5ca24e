package io.scoreline.connectors.spi;

/**
 * A new field value a webhook event carries (ADR 0016).
 *
 * @param value the new value as a record field ({@code null} for a cleared one)
 */
public record ValueChange(String field, Object value) {}
