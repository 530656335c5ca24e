package io.scoreline.gamification.goals;

import io.scoreline.mappings.check.NameSuggestions;
import java.util.Collection;

/** The message for a KPI key the organization does not know, naming the nearest ones it does. */
final class KpiSuggestions {

    private KpiSuggestions() {}

    static String unknown(String kpiKey, String organizationSlug, Collection<String> known) {
        if (known.isEmpty()) {
            return "unknown KPI '" + kpiKey + "' in " + organizationSlug
                    + ": it has no mapping rules yet (see `scoreline mapping set`)";
        }
        var nearest = NameSuggestions.closest(kpiKey, known);
        return "unknown KPI '" + kpiKey + "' in " + organizationSlug + ": "
                + (nearest.isEmpty()
                        ? "use one of " + String.join(", ", known)
                        : "did you mean " + String.join(" or ", nearest) + "? (known: " + String.join(", ", known)
                                + ")");
    }
}
