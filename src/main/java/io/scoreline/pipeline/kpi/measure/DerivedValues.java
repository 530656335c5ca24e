package io.scoreline.pipeline.kpi.measure;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.MeasuredValue;
import java.time.LocalDate;
import java.util.Collection;
import org.jooq.DSLContext;

/** Values of derived KPIs: ratios, averages per fact, distinct counts, weighted sums, scorecards (ADR 0042). */
final class DerivedValues {

    private DerivedValues() {}

    static MeasuredValue value(
            DSLContext tx,
            long organizationId,
            KpiMeasure measure,
            Collection<Long> profileIds,
            LocalDate from,
            LocalDate to) {
        // Contract placeholder of the issue-23 work: the derived-values slice replaces it.
        throw new ScorelineException(FailureKind.BUG, "derived KPI " + measure.key() + " cannot be read yet");
    }
}
