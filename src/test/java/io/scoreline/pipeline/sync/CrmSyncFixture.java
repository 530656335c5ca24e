package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.pipeline.database.DatabaseRuntime;
import io.scoreline.pipeline.database.TenantTransactions;
import io.scoreline.pipeline.runs.CheckpointStore;
import io.scoreline.pipeline.runs.SyncRunStore;
import io.scoreline.pipeline.tenancy.Organization;
import io.scoreline.sim.RunningSimulators;
import io.scoreline.sim.data.Activity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * One CRM's side of {@link CrmSyncContract}: its simulator connected to a fresh database through the
 * real services, and the CRM's own names for what the contract reads and changes (the object calls
 * are stored under, its fields, its record ids).
 */
interface CrmSyncFixture extends AutoCloseable {

    /** A clock that ticks like the system's but reads {@code start} now: fixed history, real pacing. */
    static Clock tickingFrom(Instant start) {
        var system = Clock.systemUTC();
        return Clock.offset(system, Duration.between(system.instant(), start));
    }

    RunningSimulators sims();

    DatabaseRuntime database();

    TenantTransactions transactions();

    Organization organization();

    long integrationId();

    SyncRunStore runs();

    SyncService sync();

    BackfillService backfill();

    CheckpointStore checkpoints();

    /** Remap over this fixture's stores and connector. */
    RemapService remap();

    /** Rule-set versions that report what stored records lack, as {@code mapping set} does. */
    io.scoreline.pipeline.rules.RuleSetVersions ruleSetVersions();

    /** A connection as the pipeline opens one; the caller closes it. */
    CrmConnector openConnector();

    /** Which rule vocabulary the stock rules are written in. */
    CrmProvider ruleProvider();

    /** The stock rule document the integration runs. */
    String stockRuleDocument();

    /** The CRM's name as its connector spells it in messages. */
    String crmName();

    /** The object logged calls are stored under. */
    String callObject();

    /** A call's owner and status fields. */
    Set<String> callOwnerAndStatus();

    /** The id the CRM gives a simulated activity. */
    String recordId(Activity activity);

    /** A well-formed call id the CRM does not know (the {@code n}th of as many as a test needs). */
    String unknownCallId(int n);

    /**
     * The most API calls a sync may spend on these objects when each has less than a page of
     * changes since its cursor: what reading an object's changes and its deletions costs in this CRM.
     */
    long callsToSyncQuietly(Set<String> objectTypes);

    @Override
    void close();
}
