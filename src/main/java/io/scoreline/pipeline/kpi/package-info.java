/** Reading KPI values for people and days. */
package io.scoreline.pipeline.kpi;
