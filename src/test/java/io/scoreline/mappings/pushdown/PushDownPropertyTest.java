package io.scoreline.mappings.pushdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.MappingRecord;
import io.scoreline.mappings.RandomRules;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generates random rules and records and checks the push-down promise: every record the exact
 * evaluator matches is also selected by the SOQL clause and by the HubSpot filter groups, as
 * the CRMs apply them (see the interpreters).
 */
class PushDownPropertyTest {

    private final RandomRules generator = new RandomRules(20240517);

    @Test
    void pushDownSelectsEveryRecordTheEvaluatorMatches() {
        int soqlPushed = 0;
        int hubSpotPushed = 0;
        int matched = 0;
        var soql = new SoqlWhereCompiler();
        var hubSpot = new HubSpotFilterCompiler(new HubSpotFilterLimits(8, 10, 40));
        for (int round = 0; round < 400; round++) {
            var document = generator.document();
            var salesforceRules = RandomRules.compile(document, CrmProvider.SALESFORCE);
            var hubSpotRules = RandomRules.compile(document, CrmProvider.HUBSPOT);
            var where = soql.compile(salesforceRules, "Task");
            var groups = hubSpot.compile(hubSpotRules, "Task");
            soqlPushed += where instanceof PushDown.Pushable ? 1 : 0;
            hubSpotPushed += groups instanceof PushDown.Pushable ? 1 : 0;
            for (int i = 0; i < 30; i++) {
                var typed = generator.typedRecord();
                var salesforceRecord = new MappingRecord("Task", "r" + i, RandomRules.salesforceJson(typed));
                var hubSpotRecord =
                        new MappingRecord("Task", "r" + i, new HashMap<>(RandomRules.hubSpotStrings(typed)));
                boolean salesforceMatch = salesforceRules.rules().stream().anyMatch(r -> r.matches(salesforceRecord));
                boolean hubSpotMatch = hubSpotRules.rules().stream().anyMatch(r -> r.matches(hubSpotRecord));
                assertThat(hubSpotMatch)
                        .as("both providers read %s alike under %s", typed, document)
                        .isEqualTo(salesforceMatch);
                if (!salesforceMatch) {
                    continue;
                }
                matched++;
                if (where instanceof PushDown.Pushable<String> pushable) {
                    assertThat(SoqlWhereInterpreter.selects(pushable.filter(), typed))
                            .as("SOQL %s selects %s matched by\n%s", pushable.filter(), typed, document)
                            .isTrue();
                }
                if (groups instanceof PushDown.Pushable<List<HubSpotFilterGroup>> pushable) {
                    assertThat(HubSpotFilterInterpreter.selects(
                                    pushable.filter(), RandomRules.hubSpotStrings(typed), RandomRules.FIELDS))
                            .as("filterGroups %s select %s matched by\n%s", pushable.filter(), typed, document)
                            .isTrue();
                }
            }
        }
        assertThat(matched).as("records matched").isGreaterThan(1_000);
        assertThat(soqlPushed).as("rule sets pushed to SOQL").isGreaterThan(200);
        assertThat(hubSpotPushed).as("rule sets pushed to HubSpot").isGreaterThan(100);
    }
}
