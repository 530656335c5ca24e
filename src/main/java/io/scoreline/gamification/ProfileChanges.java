package io.scoreline.gamification;

import io.scoreline.pipeline.tenancy.Organization;
import java.util.Set;

/**
 * The outbox rows of one profile claimed in one drain batch, reduced to the cells they touched.
 * {@code notifies} is false when every row came from a backfill run without {@code --notify}: awards
 * are still made, but silently.
 */
public record ProfileChanges(Organization organization, long profileId, Set<KpiDay> cells, boolean notifies) {

    public ProfileChanges {
        cells = Set.copyOf(cells);
    }
}
