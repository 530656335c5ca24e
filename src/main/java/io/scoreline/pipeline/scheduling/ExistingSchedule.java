package io.scoreline.pipeline.scheduling;

import java.time.Instant;
import java.util.Optional;

/**
 * An integration's job as the shared job store holds it.
 *
 * @param nextFire empty when the trigger will not fire again
 */
public record ExistingSchedule(long integrationId, String cronExpression, boolean paused, Optional<Instant> nextFire) {}
