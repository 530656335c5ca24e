package io.scoreline.mappings.pushdown;

import java.util.List;

/** Filters that must all hold; a search's groups are alternatives. */
public record HubSpotFilterGroup(List<HubSpotFilter> filters) {

    public HubSpotFilterGroup {
        filters = List.copyOf(filters);
    }
}
