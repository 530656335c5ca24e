package io.scoreline.connectors.spi;

import java.util.Optional;

/** Pages of one change query, fetched one at a time so that nothing is held beyond a page. */
public interface PageSource {

    /** The next page, or empty when the query is exhausted. */
    Optional<RecordPage> next();
}
