package io.scoreline.connectors.spi;

import io.scoreline.mappings.CrmProvider;
import java.util.List;
import java.util.Optional;

/**
 * A live connection to one CRM account (one integration). It reads; it never maps or stores.
 * Closing it releases its session and client.
 */
public interface CrmConnector extends AutoCloseable {

    CrmProvider provider();

    /** Logs in and reads one cheap resource; never throws for a failed check. */
    ConnectionCheck check();

    /** The CRM's users or owners, for attribution by e-mail. */
    List<CrmUser> users();

    /**
     * The users with their team in the CRM ({@link CrmUser#teamPath}) and their manager, for
     * {@code users sync --teams-from-crm}; may cost more calls than {@link #users}. A CRM without
     * teams answers {@link #users}.
     */
    default List<CrmUser> usersWithTeams() {
        return users();
    }

    /** Pages of records changed in the query's window, oldest first. */
    PageSource changes(ChangeQuery query);

    /**
     * The same records as {@link #changes}, in the same order and pages of the same shape, read
     * through the CRM's bulk API where it has one (fewer calls for large backfills; slower to
     * start). Field values must come out exactly as {@link #changes} gives them, so that the same
     * rules derive the same facts. Without a bulk API this is {@link #changes}.
     */
    default PageSource bulkChanges(ChangeQuery query) {
        return changes(query);
    }

    /** Whether {@link #bulkChanges} really uses a bulk API (what a dry run reports). */
    default boolean readsInBulk() {
        return false;
    }

    /**
     * The current state of the named records, with only the given fields (a webhook said they
     * changed). Deleted records the CRM still reports come back with {@code deleted} set; ids the
     * CRM does not know any more are left out, so the caller decides what their absence means.
     * Reads in as few calls as the CRM allows (HubSpot batch read: 100 ids per call).
     */
    List<CrmRecord> read(String objectType, java.util.Set<String> fields, java.util.Collection<String> recordIds);

    /** How many records the change query would return: what a dry run reports and a progress bar counts down. */
    long count(ChangeQuery query);

    /**
     * Records deleted and purged in the window that the change query may not return any more
     * (Salesforce {@code getDeleted}); empty when the CRM reports deletions in the change query.
     */
    RecordPage deletions(String objectType, java.time.Instant from, java.time.Instant to);

    /**
     * About how many API calls reading this many records through {@link #changes} costs (pages,
     * plus any deletions calls), for a backfill's dry run; each CRM pages differently.
     */
    long callsToRead(long records);

    /**
     * Reads what this account has: the CRM's list of objects, then the fields of each object in
     * {@code objects} that the account has and of every custom object it has (Salesforce
     * {@code describeGlobal} and {@code sobjects/{name}/describe}; HubSpot {@code /crm/v3/schemas}
     * and {@code /crm/v3/properties/{objectType}}). Objects in {@code objects} the account lacks are
     * left out, not an error: the caller compares.
     */
    default DiscoveredCatalog describe(java.util.Set<String> objects) {
        throw new io.scoreline.failure.ScorelineException(
                io.scoreline.failure.FailureKind.BUG, provider().key() + " connector cannot describe its objects");
    }

    /**
     * The name rules use for an object the CRM's webhooks name by an API id (a HubSpot custom
     * object's {@code 2-…} type id); any other name comes back unchanged.
     */
    default String objectName(String apiObjectType) {
        return apiObjectType;
    }

    /** The daily quota as last seen, if the CRM reports one. */
    Optional<QuotaSnapshot> quota();

    /** API calls made so far through this connection. */
    long apiCalls();

    @Override
    void close();
}
