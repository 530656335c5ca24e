package io.scoreline.pipeline.inbox;

import io.scoreline.failure.FailureKind;

/**
 * Which failures of an inbox event are worth another attempt (ADR 0021). A retried event waits
 * for its backoff and is parked after the last attempt; one that is not is parked at once, with
 * its reason, for an operator to look at and replay ({@code scoreline inbox --replay ID}).
 */
final class InboxRetries {

    private InboxRetries() {}

    static boolean retried(FailureKind kind) {
        return switch (kind) {
            // Transient by definition; a spent quota resets; credentials can be re-authorized; a
            // conflict is a concurrent write that the next attempt does not meet.
            case RETRYABLE, QUOTA, AUTH, CONFLICT -> true;
            // A failure nobody classified: often a defect, but also whatever transient failure we
            // did not foresee (a pool closing under a stop). A few reads are cheaper than a parked
            // event nobody replays.
            case BUG -> true;
            // A field the rules read is gone from the CRM: the integration needs attention, and the
            // event succeeds once the rules are fixed or the field restored, if that is soon.
            case SCHEMA -> true;
            // The same request fails the same way every time: an event whose record id the CRM
            // refuses (isolated from its batch first, see BadEventIsolation), an object or
            // integration that is gone.
            case BAD_INPUT, NOT_FOUND -> false;
        };
    }
}
