package io.scoreline.pipeline.inbox;

/** How a webhook request ended; each maps to one HTTP answer. */
public sealed interface WebhookOutcome {

    /** Authenticated and committed to the inbox ({@code inserted} new, the rest redeliveries). */
    record Accepted(int events, int inserted) implements WebhookOutcome {}

    /** Authentic, or not checkable, but for no active integration: answered 2xx so the CRM stops retrying. */
    record Dropped(int events, String reason) implements WebhookOutcome {}

    /** Bad or missing signature, stale timestamp, foreign organization: 401. */
    record Unauthorized(String reason) implements WebhookOutcome {}

    /**
     * No endpoint here for the caller: an unknown integration, one of another provider, no secret
     * or a wrong one (ADR 0020). One answer for all, 404, so that it reveals nothing; not 2xx, so
     * that Salesforce keeps retrying a message for 24 hours while an operator fixes its URL.
     */
    record UnknownEndpoint() implements WebhookOutcome {}

    /**
     * Authentic, perhaps, but not stored: more requests wait to be committed than the node takes
     * (ADR 0053). 503 with Retry-After, so that the CRM delivers the same events again later.
     */
    record Busy(int events, java.time.Duration retryAfter) implements WebhookOutcome {}

    /** Not a well-formed webhook: 400. */
    record Malformed(String reason) implements WebhookOutcome {}

    /** Larger than {@code SCORELINE_WEBHOOK_MAX_BYTES}: 413. */
    record TooLarge(int limit) implements WebhookOutcome {}

    /** More notifications in one message than the CRM ever sends: 413, and nothing is stored. */
    record TooManyNotifications(int count, int limit) implements WebhookOutcome {}
}
