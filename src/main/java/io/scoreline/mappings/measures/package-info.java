/**
 * What a KPI key means when it is read over a window (ADR 0042): a stored daily sum, a snapshot,
 * or a formula over stored KPIs (ratio, average per fact, distinct count, weighted sum,
 * scorecard). Pure data, declared in the rule document beside the rules that feed it; the
 * pipeline ({@code io.scoreline.pipeline.kpi.measure}) reads the values, and contests, badges
 * and goals all go through it so that a KPI has one meaning everywhere.
 */
package io.scoreline.mappings.measures;
