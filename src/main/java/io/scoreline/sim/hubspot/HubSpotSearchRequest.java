package io.scoreline.sim.hubspot;

import java.util.List;
import java.util.Optional;

/** A parsed search body: OR-ed groups of AND-ed filters, at most one honoured sort, and paging. */
record HubSpotSearchRequest(
        List<List<Filter>> filterGroups,
        Optional<Sort> sort,
        List<String> properties,
        Optional<String> query,
        int limit,
        int after) {

    enum Operator {
        EQ,
        NEQ,
        LT,
        LTE,
        GT,
        GTE,
        BETWEEN,
        IN,
        NOT_IN,
        HAS_PROPERTY,
        NOT_HAS_PROPERTY,
        CONTAINS_TOKEN,
        NOT_CONTAINS_TOKEN
    }

    record Filter(String propertyName, Operator operator, String value, String highValue, List<String> values) {}

    record Sort(String propertyName, boolean descending) {}
}
