package io.scoreline.mappings.pushdown;

/** The CRM search filter operators the compiler emits. */
public enum HubSpotOperator {
    EQ,
    NEQ,
    LT,
    LTE,
    GT,
    GTE,
    IN,
    NOT_IN,
    HAS_PROPERTY,
    NOT_HAS_PROPERTY
}
