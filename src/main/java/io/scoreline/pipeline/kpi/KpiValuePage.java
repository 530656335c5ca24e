package io.scoreline.pipeline.kpi;

import java.util.List;
import java.util.Optional;

/** One page of KPI values, the window they cover, and the cursor of the next page when more follow. */
public record KpiValuePage(KpiWindow window, KpiGrouping group, List<KpiValue> values, Optional<String> next) {
    public KpiValuePage {
        values = List.copyOf(values);
    }
}
