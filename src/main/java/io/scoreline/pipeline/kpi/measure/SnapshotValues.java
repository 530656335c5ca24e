package io.scoreline.pipeline.kpi.measure;

import io.scoreline.failure.FailureKind;
import io.scoreline.failure.ScorelineException;
import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.MeasuredValue;
import java.time.LocalDate;
import java.util.Collection;
import org.jooq.DSLContext;

/** Values of snapshot KPIs: each person's value on the last day of the window that has one, added up (ADR 0042). */
final class SnapshotValues {

    private SnapshotValues() {}

    static MeasuredValue value(
            DSLContext tx,
            long organizationId,
            KpiFormula.Snapshot snapshot,
            Collection<Long> profileIds,
            LocalDate from,
            LocalDate to) {
        // Contract placeholder of the issue-23 work: the snapshot slice replaces it.
        throw new ScorelineException(FailureKind.BUG, "snapshot KPI " + snapshot.kpi() + " cannot be read yet");
    }
}
