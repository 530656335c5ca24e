package io.scoreline.pipeline.kpi.measure;

import io.scoreline.mappings.measures.KpiFormula;
import java.math.BigDecimal;

/**
 * What a derived formula needs from the stored rows of a window, for one person or a group: the
 * sums and fact counts of its inputs, a scorecard line's points capped per person and day, and a
 * distinct count. The database reader ({@link DerivedValues}) and the badge evaluator's in-memory
 * series answer the same questions, so a formula has one meaning in both ({@link FormulaValue}).
 */
public interface FormulaInputs {

    /** Σ {@code kpi_values.value} of {@code kpi}. */
    BigDecimal sum(String kpi);

    /** Σ {@code kpi_values.fact_count} of {@code kpi}. */
    long facts(String kpi);

    /** Σ over people and days of {@code min(cap, points × value of the day)}. */
    BigDecimal points(KpiFormula.Line line);

    /** Distinct non-null {@code kpi_facts.distinct_value} of {@code kpi} across the people. */
    long distinct(String kpi);
}
