package io.scoreline.sim.data;

/** The kinds of generated sales activity; each CRM simulator projects them onto its own objects. */
public enum ActivityKind {
    CALL,
    EMAIL,
    MEETING,
    TODO,
    DEAL
}
