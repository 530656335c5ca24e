package io.scoreline.gamification;

/**
 * What draining the outbox did: organizations visited, rows claimed, rows processed, rows whose
 * profile failed (retried later with backoff), rows deferred because another worker was evaluating
 * the same person, and profiles evaluated.
 */
public record DrainReport(int organizations, int claimed, int processed, int failed, int deferred, int profiles) {

    public static final DrainReport EMPTY = new DrainReport(0, 0, 0, 0, 0, 0);

    public DrainReport plus(DrainReport other) {
        return new DrainReport(
                organizations + other.organizations,
                claimed + other.claimed,
                processed + other.processed,
                failed + other.failed,
                deferred + other.deferred,
                profiles + other.profiles);
    }
}
