package io.scoreline.pipeline.scheduling;

/**
 * What the nightly formula-field refresh does when it fires: re-read, one integration after the
 * other, the recent records of every integration whose rules read a formula field (ADR 0035).
 * Runs on the calling thread and returns when every integration had its turn; one integration's
 * failure is the launcher's to log, not a reason to skip the rest.
 */
@FunctionalInterface
public interface FormulaRefreshLauncher {

    void refreshAll(java.util.List<IntegrationSchedule> integrations);
}
