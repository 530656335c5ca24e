package io.scoreline.pipeline.scheduling;

import io.scoreline.pipeline.integrations.IntegrationStatus;

/** What the directory says about one integration's schedule: whose it is, whether it syncs, and at which minute. */
public record IntegrationSchedule(
        long integrationId, long organizationId, IntegrationStatus status, int scheduleMinute) {

    /** Only active integrations fire; paused ones wait for an operator, needs_reauth for new credentials. */
    public boolean fires() {
        return switch (status) {
            case ACTIVE -> true;
            case PAUSED, NEEDS_REAUTH -> false;
        };
    }
}
