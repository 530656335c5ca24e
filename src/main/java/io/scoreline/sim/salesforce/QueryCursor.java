package io.scoreline.sim.salesforce;

import io.scoreline.sim.salesforce.soql.FieldPath;
import java.util.List;

/**
 * The result of one query, fixed when it ran: the id numbers of the matching rows in order. Pages
 * render the rows' current values, but which rows a page holds never changes, so a record edited or
 * created while a client pages can neither be skipped nor repeated.
 */
@SuppressWarnings("ArrayRecordComponent") // row ids of one query, read by page; never compared
record QueryCursor(String id, SalesforceObject type, List<FieldPath> fields, long[] idNumbers, int batchSize) {

    int size() {
        return idNumbers.length;
    }
}
