package io.scoreline.pipeline.scheduling;

import java.time.Instant;

/**
 * One fire of an integration's schedule.
 *
 * @param scheduledFor the fire time the schedule meant, not when the run began: late and
 *                     recovered runs keep the time they stand for
 * @param recovering   true when a node that died mid-run left this fire for another node to redo
 * @param instanceId   the cluster node that runs it
 */
public record ScheduledSync(
        long organizationId, long integrationId, Instant scheduledFor, boolean recovering, String instanceId) {}
