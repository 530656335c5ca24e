package io.scoreline.pipeline.scheduling;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * One fire of an integration's schedule.
 *
 * @param scheduledFor the fire time the schedule meant, not when the run began: late and
 *                     recovered runs keep the time they stand for
 * @param recovering   true when a node that died mid-run left this fire for another node to redo
 * @param instanceId   the cluster node that runs it
 */
public record ScheduledSync(
        long organizationId, long integrationId, Instant scheduledFor, boolean recovering, String instanceId) {

    /** Keys of {@link #runOptionsJson()}: what a scheduled run's row keeps of its fire. */
    public static final String FIRE_TIME = "fire_time";

    public static final String NODE = "node";
    public static final String RECOVERING = "recovering";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The fire as the run's options: one fire, one run, whichever node claims it (ADR 0055); a
     * recovered fire is the one exception and says so.
     */
    public String runOptionsJson() {
        try {
            return JSON.writeValueAsString(
                    Map.of(FIRE_TIME, scheduledFor.toString(), NODE, instanceId, RECOVERING, recovering));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
