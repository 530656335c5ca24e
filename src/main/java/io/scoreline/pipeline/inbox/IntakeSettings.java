package io.scoreline.pipeline.inbox;

/**
 * How webhook requests are taken in.
 *
 * @param maxQueuedRequests most requests of a node that may wait for their commit at once; one
 *                          more is answered 503 with Retry-After instead of waiting (ADR 0053)
 */
public record IntakeSettings(int maxQueuedRequests) {

    public static final int DEFAULT_MAX_QUEUED_REQUESTS = 256;

    public IntakeSettings {
        if (maxQueuedRequests < 1) {
            throw new IllegalArgumentException("maxQueuedRequests must be at least 1, got " + maxQueuedRequests);
        }
    }

    public static IntakeSettings defaults() {
        return new IntakeSettings(DEFAULT_MAX_QUEUED_REQUESTS);
    }
}
