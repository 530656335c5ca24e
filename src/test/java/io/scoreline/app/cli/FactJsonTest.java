package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.mappings.Fact;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactJsonTest {

    @Test
    void factsPrintAsTheMappingTestJsonLine() {
        var fact = new Fact("k", "Task", "00T\"1", null, LocalDate.of(2024, 5, 17), null, new BigDecimal("1.50"));

        assertThat(FactJson.line(fact))
                .isEqualTo(
                        "{\"kpi\":\"k\",\"object\":\"Task\",\"record_id\":\"00T\\\"1\",\"owner\":null,\"date\":\"2024-05-17\",\"value\":1.50}");
    }

    @Test
    void valuesArePlainDecimalsAndTextRoundTrips() throws Exception {
        var awkward = "a\\b\n\t\u0001é\uD83D\uDE00";
        var fact = new Fact("k", "Task", awkward, "005A", LocalDate.of(2024, 1, 2), null, new BigDecimal("1E+3"));

        var line = FactJson.line(fact);
        var read = new ObjectMapper().readValue(line, Map.class);

        assertThat(line).endsWith(",\"value\":1000}").doesNotContain("\n");
        assertThat(read).containsEntry("record_id", awkward).containsEntry("owner", "005A");
    }
}
