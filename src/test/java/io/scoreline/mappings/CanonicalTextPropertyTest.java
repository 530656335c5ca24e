package io.scoreline.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The canonical text of random rule sets compiles back to the same text and the same matches. */
class CanonicalTextPropertyTest {

    private final RandomRules generator = new RandomRules(1_2024);

    @Test
    void canonicalTextRoundTripsAndMeansTheSame() {
        for (int round = 0; round < 300; round++) {
            var original = RandomRules.compile(generator.document(), CrmProvider.SALESFORCE);
            var canonical = original.canonicalText();

            var reread = RandomRules.compile(canonical, CrmProvider.SALESFORCE);

            assertThat(reread.canonicalText()).isEqualTo(canonical);
            for (int i = 0; i < 20; i++) {
                var fields = RandomRules.salesforceJson(generator.typedRecord());
                fields.put("CreatedDate", "2024-05-17T10:00:00.000+0000");
                var record = new MappingRecord("Task", "r", fields);
                var warnings = new java.util.ArrayList<EvaluationWarning>();
                assertThat(reread.evaluate(record, java.time.ZoneOffset.UTC, warnings::add))
                        .as("%s on %s", canonical, record)
                        .isEqualTo(original.evaluate(record, java.time.ZoneOffset.UTC, warnings::add));
            }
        }
    }
}
