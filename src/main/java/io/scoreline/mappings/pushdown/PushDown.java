package io.scoreline.mappings.pushdown;

/**
 * A CRM-side filter for the records of one object that some rule may match. A filter is always
 * a superset of what the exact evaluator matches; it may let through records no rule matches.
 *
 * @param <F> the filter's form: a SOQL {@code WHERE} clause or HubSpot filter groups
 */
public sealed interface PushDown<F> {

    /** No filter can narrow the records (a rule counts every record, or no condition is expressible). */
    record MatchAll<F>() implements PushDown<F> {}

    record Pushable<F>(F filter) implements PushDown<F> {}

    /** The filter would exceed the CRM's limits; fetch without it and let the evaluator decide. */
    record NotPushable<F>(String reason) implements PushDown<F> {}
}
