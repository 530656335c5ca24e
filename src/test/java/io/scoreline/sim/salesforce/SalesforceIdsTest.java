package io.scoreline.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

    @Test
    void suffixEncodesUpperCasePositions() {
        assertThat(SalesforceIds.suffix("001A0000006Vm9r")).isEqualTo("IAC");
    }

    @Test
    void idsRoundTripAndSortLikeTheirNumbers() {
        String small = SalesforceIds.of("00T", 61);
        String large = SalesforceIds.of("00T", 62);

        assertThat(small).hasSize(18).startsWith("00TSm");
        assertThat(SalesforceIds.number(large, "00T")).hasValue(62);
        assertThat(SalesforceIds.number(large.substring(0, 15), "00T")).hasValue(62);
        assertThat(small).isLessThan(large);
        assertThat(SalesforceIds.number(large, "006")).isEmpty();
        assertThat(SalesforceIds.number(large.substring(0, 15) + "AAA", "00T")).isEmpty();
    }
}
