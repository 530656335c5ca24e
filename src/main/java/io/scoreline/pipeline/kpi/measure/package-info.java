/**
 * Reading any KPI of an organization over a window (ADR 0042): {@link
 * io.scoreline.pipeline.kpi.measure.KpiMeasureCatalog} says what each key means (a stored sum, a
 * snapshot, a derived formula from the active rule sets), {@link
 * io.scoreline.pipeline.kpi.measure.KpiMeasureReader} computes its value for one person or a group
 * from {@code kpi_values} (and {@code kpi_facts} for distinct counts). Contests, badges, goals,
 * {@code kpi show} and the API read KPIs only through it, so a KPI has one meaning everywhere. The
 * evaluator's consumers share one {@link io.scoreline.pipeline.kpi.measure.KpiMeasureCache}, which
 * compiles an organization's catalog once per version of its rule sets and definitions.
 */
package io.scoreline.pipeline.kpi.measure;
