package io.scoreline.pipeline.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The raw upsert's JSON is byte for byte what Jackson writes for the same fields. */
class FieldsJsonTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void writesWhatJacksonWritesForEveryValueTypeTheConnectorsProduce() throws Exception {
        var owner = new LinkedHashMap<String, Object>();
        owner.put("Email", "ana@example.test");
        owner.put("Manager", null);
        var fields = new LinkedHashMap<String, Object>();
        fields.put("Id", "00TSm0000000001AAA");
        fields.put("Subject", "Call \"quoted\" \\ back-slashed, tab\t, line\n, émoji 🙂, control \u0001");
        fields.put("IsClosed", true);
        fields.put("IsDeleted", false);
        fields.put("CallDurationInSeconds", 90);
        fields.put("Big", 12_345_678_901L);
        fields.put("Ratio", 0.1 + 0.2);
        fields.put("Amount", new BigDecimal("1234.5000"));
        fields.put("Huge", new BigInteger("123456789012345678901234567890"));
        fields.put("Description", null);
        fields.put("Owner", owner);
        fields.put("Tags", List.of("a", 1, false));
        fields.put("Float", 1.5f);

        var json = new FieldsJson();
        // The UTF-8 generator's bytes, which the upsert stored before (it escapes the emoji's
        // surrogate pair, where the String writer would not).
        assertThat(new String(json.utf8(fields), StandardCharsets.UTF_8))
                .isEqualTo(new String(JACKSON.writeValueAsBytes(fields), StandardCharsets.UTF_8));
        // The buffer is reused: a second, smaller record must not carry bytes of the first.
        var small = new HashMap<String, Object>(Map.of("Id", "00T2"));
        assertThat(json.utf8(small)).isEqualTo(JACKSON.writeValueAsBytes(small));
        assertThat(Arrays.equals(json.utf8(fields), JACKSON.writeValueAsBytes(fields)))
                .isTrue();
    }

    @Test
    void anEmptyRecordIsAnEmptyObject() {
        assertThat(new String(new FieldsJson().utf8(Map.of()), StandardCharsets.UTF_8))
                .isEqualTo("{}");
    }
}
