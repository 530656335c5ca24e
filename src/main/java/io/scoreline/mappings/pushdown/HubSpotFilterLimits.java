package io.scoreline.mappings.pushdown;

/**
 * How many filter groups and filters a search may carry. HubSpot's published numbers have
 * changed over time, hence configurable; {@link #DEFAULT} uses the strictest current reading.
 */
public record HubSpotFilterLimits(int maxGroups, int maxFiltersPerGroup, int maxFiltersTotal) {

    public static final HubSpotFilterLimits DEFAULT = new HubSpotFilterLimits(5, 6, 18);

    public HubSpotFilterLimits {
        if (maxGroups < 1 || maxFiltersPerGroup < 1 || maxFiltersTotal < 1) {
            throw new IllegalArgumentException("filter limits must be positive");
        }
    }
}
