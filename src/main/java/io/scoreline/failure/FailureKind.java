package io.scoreline.failure;

/**
 * What a failure means for whoever handles it: retry later, ask for new credentials, wait for
 * quota, tell the user their input is wrong, or report a bug. Callers decide by kind, never by
 * parsing messages.
 */
public enum FailureKind {
    /** Transient: network, timeouts, 5xx, an unreachable database. Retrying may succeed. */
    RETRYABLE,
    /** Credentials were refused or have expired; a person has to re-authorize. */
    AUTH,
    /** An API quota or rate limit is spent; continue after it resets. */
    QUOTA,
    /** The input (argument, file, setting, CRM payload) is wrong; the message says how. */
    BAD_INPUT,
    /** The input clashes with what already exists (a duplicate slug, for example). */
    CONFLICT,
    /** The named thing does not exist. */
    NOT_FOUND,
    /** A defect in Scoreline itself. */
    BUG,
    /**
     * The CRM no longer has an object or field the rules read (deleted or renamed there): every run
     * fails the same way until the rules are changed or the field is back ({@link SchemaMismatch}).
     */
    SCHEMA
}
