/**
 * Facts and KPI values: the transactional page write of DESIGN §4.3 that keeps
 * {@code crm_records}, {@code kpi_facts}, {@code kpi_values} and the {@code kpi_changes} outbox
 * consistent under replays, retries, edits, deletes and owner changes.
 */
package io.scoreline.pipeline.facts;
