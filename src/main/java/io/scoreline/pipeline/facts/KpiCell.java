package io.scoreline.pipeline.facts;

import java.time.LocalDate;

/** One cell of {@code kpi_values}: a person's KPI on one local day. */
public record KpiCell(long profileId, String kpiKey, LocalDate date) {}
