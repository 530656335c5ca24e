package io.scoreline.connectors.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * How many ids one read-back statement may carry: at most the 2,000 records a query page holds,
 * and few enough that the GET request's URI stays under Salesforce's 16,384 bytes with a wide
 * field list, since the REST query resource takes its SOQL in the URL (ADR 0020).
 */
class ReadByIdsStatementTest {

    private static final int URI_LIMIT = 16_384;

    @Test
    void aFullChunkOfIdsFitsTheUriLimitWithRoomForFields() {
        assertThat(SalesforceConnector.IDS_PER_QUERY).isBetween(1, SalesforceConnector.PAGE_SIZE);
        // Forty fields of forty characters: more than any rule set reads.
        var fields = new LinkedHashSet<String>();
        IntStream.range(0, 40).forEach(i -> fields.add(String.format("Custom_Field_Name_Long_Enough_%06d__c", i)));
        assertThat(requestUri(ids(SalesforceConnector.IDS_PER_QUERY), fields).length())
                .isLessThan(URI_LIMIT);
        // Why not 2,000 ids per statement: the URI alone would be more than three times the limit.
        assertThat(requestUri(ids(2_000), fields).length()).isGreaterThan(3 * URI_LIMIT);
    }

    private static String requestUri(List<String> ids, LinkedHashSet<String> fields) {
        var soql = SoqlChangeQuery.byIds("Opportunity", fields, ids);
        assertThat(soql).contains("WHERE Id IN ('" + ids.getFirst() + "', ");
        return "/services/data/v61.0/queryAll/?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8);
    }

    private static List<String> ids(int n) {
        return Collections.unmodifiableList(IntStream.range(0, n)
                .mapToObj(i -> String.format("006%012dAAA", i))
                .toList());
    }
}
