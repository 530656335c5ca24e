package io.scoreline.pipeline.scheduling;

import io.scoreline.pipeline.integrations.IntegrationStatus;

/** What the directory says about one integration's schedule: whose it is, whether it syncs, and at which minute. */
public record IntegrationSchedule(
        long integrationId, long organizationId, IntegrationStatus status, int scheduleMinute) {

    /**
     * Active integrations fire; paused ones wait for an operator, needs_reauth for new credentials.
     * One that needs attention fires too: its run re-checks the schema first, and continues from
     * its cursor once the field is back (restored in the CRM, or no longer read by the rules).
     */
    public boolean fires() {
        return switch (status) {
            case ACTIVE, NEEDS_ATTENTION -> true;
            case PAUSED, NEEDS_REAUTH -> false;
        };
    }
}
