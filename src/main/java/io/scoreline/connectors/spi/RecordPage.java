package io.scoreline.connectors.spi;

import java.util.List;
import java.util.Optional;

/**
 * One page of changes in (modification time, id) order, with the cursor after its last record
 * and the API calls spent fetching it. The pipeline writes a page and its cursor in one transaction.
 */
public record RecordPage(String objectType, List<CrmRecord> records, Optional<Checkpoint> cursorAfter, int apiCalls) {

    public RecordPage {
        records = List.copyOf(records);
    }
}
