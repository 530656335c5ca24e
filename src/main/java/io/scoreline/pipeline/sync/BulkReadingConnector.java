package io.scoreline.pipeline.sync;

import io.scoreline.connectors.spi.ChangeQuery;
import io.scoreline.connectors.spi.ConnectionCheck;
import io.scoreline.connectors.spi.CrmConnector;
import io.scoreline.connectors.spi.CrmRecord;
import io.scoreline.connectors.spi.CrmUser;
import io.scoreline.connectors.spi.PageSource;
import io.scoreline.connectors.spi.QuotaSnapshot;
import io.scoreline.connectors.spi.RecordPage;
import io.scoreline.mappings.CrmProvider;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A connection whose change pages come from its bulk API: lets the object pump (shared with
 * syncs) read a large backfill object in bulk without knowing about it. Closing it does not close
 * the connection it wraps; the backfill owns that.
 */
final class BulkReadingConnector implements CrmConnector {

    private final CrmConnector connector;

    BulkReadingConnector(CrmConnector connector) {
        this.connector = connector;
    }

    @Override
    public PageSource changes(ChangeQuery query) {
        return connector.bulkChanges(query);
    }

    @Override
    public PageSource bulkChanges(ChangeQuery query) {
        return connector.bulkChanges(query);
    }

    @Override
    public boolean readsInBulk() {
        return connector.readsInBulk();
    }

    @Override
    public CrmProvider provider() {
        return connector.provider();
    }

    @Override
    public ConnectionCheck check() {
        return connector.check();
    }

    @Override
    public List<CrmUser> users() {
        return connector.users();
    }

    @Override
    public List<CrmRecord> read(String objectType, Set<String> fields, Collection<String> recordIds) {
        return connector.read(objectType, fields, recordIds);
    }

    @Override
    public long count(ChangeQuery query) {
        return connector.count(query);
    }

    @Override
    public long callsToRead(long records) {
        return connector.callsToRead(records);
    }

    @Override
    public RecordPage deletions(String objectType, Instant from, Instant to) {
        return connector.deletions(objectType, from, to);
    }

    @Override
    public Optional<QuotaSnapshot> quota() {
        return connector.quota();
    }

    @Override
    public long apiCalls() {
        return connector.apiCalls();
    }

    @Override
    public void close() {
        // the backfill closes the wrapped connection
    }
}
