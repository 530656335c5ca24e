package io.scoreline.mappings.ast;

/**
 * How a rule's facts add up over time: {@link #ADDITIVE} facts are summed per day (calls made),
 * a {@link #SNAPSHOT} rule describes a state whose value is taken at the end of each day (open
 * pipeline by owner; ADR 0042).
 */
public enum KpiKind {
    ADDITIVE,
    SNAPSHOT
}
