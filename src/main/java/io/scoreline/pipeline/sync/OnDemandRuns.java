package io.scoreline.pipeline.sync;

import io.scoreline.pipeline.integrations.Integration;
import io.scoreline.pipeline.integrations.IntegrationStore;
import io.scoreline.pipeline.runs.SyncRun;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.runs.SyncTrigger;
import io.scoreline.pipeline.tenancy.OrganizationStore;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The runs an operator starts rather than the schedule (ADR 0029): a sync now, a backfill (its
 * dry run, a resume), a remap; and the runs' history. Each run is its own series of page
 * transactions under the integration's run lock (ADR 0002); what is committed stays committed
 * when a run ends early, and the outcome says how far it got.
 */
@Singleton
public final class OnDemandRuns {

    private final IntegrationStore integrations;
    private final OrganizationStore organizations;
    private final SyncRunStore runs;
    // Providers: the services that read a CRM start Camel, which the run history does not need.
    private final Provider<SyncService> sync;
    private final Provider<BackfillService> backfill;
    private final Provider<RemapService> remap;
    private final Provider<FormulaRefreshService> formulas;

    @Inject
    public OnDemandRuns(
            IntegrationStore integrations,
            OrganizationStore organizations,
            SyncRunStore runs,
            Provider<SyncService> sync,
            Provider<BackfillService> backfill,
            Provider<RemapService> remap,
            Provider<FormulaRefreshService> formulas) {
        this.integrations = integrations;
        this.organizations = organizations;
        this.runs = runs;
        this.sync = sync;
        this.backfill = backfill;
        this.remap = remap;
        this.formulas = formulas;
    }

    /** An incremental sync now, recorded like a scheduled one. */
    public SyncOutcome sync(long integrationId) {
        integration(integrationId);
        return sync.get().sync(integrationId, SyncTrigger.MANUAL);
    }

    /** The backfill's dry run: records per object and the API calls a run would spend; nothing written. */
    public BackfillPlan planBackfill(long integrationId, LocalDate from, LocalDate to) {
        integration(integrationId);
        return backfill.get().plan(integrationId, from, to);
    }

    /** Reads the records last modified from {@code from} to {@code to} (organization days, inclusive) into KPIs. */
    public SyncOutcome backfill(
            long integrationId, LocalDate from, LocalDate to, boolean notify, ProgressListener progress) {
        integration(integrationId);
        return backfill.get().run(integrationId, from, to, notify, progress);
    }

    /** Continues an interrupted or partial backfill with its own window and options. */
    public SyncOutcome resumeBackfill(long runId, long integrationId, ProgressListener progress) {
        integration(integrationId);
        return backfill.get().resume(runId, integrationId, progress);
    }

    /**
     * Re-derives facts from stored records with the active rules and owner links; reads again
     * first, by id, the stored records the rules read fields they lack (ADR 0034), and spends no
     * API call when none do.
     *
     * @param from only records modified on or after this day, in the organization's time zone
     */
    public SyncOutcome remap(long integrationId, Optional<LocalDate> from) {
        return remap(integrationId, from, false, ProgressListener.none());
    }

    /**
     * @param offline refuse, naming the KPIs, fields and record counts, rather than read records
     *                again when the rules read fields stored records lack
     */
    public SyncOutcome remap(long integrationId, Optional<LocalDate> from, boolean offline, ProgressListener progress) {
        var integration = integration(integrationId);
        var zone = organizations.require(integration.organizationId()).timezone();
        return remap.get()
                .remap(integrationId, from.map(day -> day.atStartOfDay(zone).toInstant()), offline, progress);
    }

    /** The remap's dry run: the stored records it would read again and the API calls that costs; nothing written. */
    public RemapPlan planRemap(long integrationId) {
        integration(integrationId);
        return remap.get().plan(integrationId);
    }

    /** Continues a failed or interrupted remap: its re-reads from their cursor, then the re-derivation. */
    public SyncOutcome resumeRemap(long runId, long integrationId, ProgressListener progress) {
        integration(integrationId);
        return remap.get().resume(runId, integrationId, progress);
    }

    /**
     * The formula refresh's dry run: the objects whose rules read formula fields, their records
     * modified in the window and the API calls a refresh spends; nothing is written.
     */
    public FormulaRefreshPlan planFormulaRefresh(long integrationId) {
        integration(integrationId);
        return formulas.get().plan(integrationId);
    }

    /** Re-reads the formula window now, as the nightly schedule does; empty when no rule reads a formula field. */
    public Optional<SyncOutcome> refreshFormulas(long integrationId) {
        integration(integrationId);
        return formulas.get().refresh(integrationId);
    }

    /** The integration's runs, newest first. */
    public List<SyncRun> recent(long integrationId, int limit) {
        var integration = integration(integrationId);
        return runs.recent(integration.organizationId(), integrationId, limit);
    }

    /** The integration's runs, newest first, and its status. */
    public RunHistory history(long integrationId, int limit) {
        var integration = integration(integrationId);
        return new RunHistory(
                integrationId, integration.status(), runs.recent(integration.organizationId(), integrationId, limit));
    }

    /** The integration with its organization: the authorization point of every run (ADR 0029). */
    private Integration integration(long integrationId) {
        return integrations.require(integrationId);
    }
}
