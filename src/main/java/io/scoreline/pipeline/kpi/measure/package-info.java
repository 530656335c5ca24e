/**
 * Reading any KPI of an organization over a window (ADR 0042): {@link
 * io.scoreline.pipeline.kpi.measure.KpiMeasureCatalog} says what each key means (a stored sum, a
 * snapshot, a derived formula from the active rule sets), {@link
 * io.scoreline.pipeline.kpi.measure.KpiMeasureReader} computes its value for one person or a group
 * from {@code kpi_values} (and {@code kpi_facts} for distinct counts). Contests, badges, goals,
 * {@code kpi show} and the API read KPIs only through it, so a KPI has one meaning everywhere.
 */
package io.scoreline.pipeline.kpi.measure;
