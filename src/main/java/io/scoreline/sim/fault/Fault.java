package io.scoreline.sim.fault;

/** What to do to one request; each simulator renders a fault in its own CRM's shape. */
public sealed interface Fault {

    record None() implements Fault {}

    record Throttled() implements Fault {}

    record ServerError() implements Fault {}

    record Timeout() implements Fault {}

    record Malformed() implements Fault {}
}
