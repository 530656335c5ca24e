package io.scoreline.connectors.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.ObjectSchema;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.pushdown.PushDown;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A HubSpot backfill's push-down: the rules' condition as filter groups, each ANDed with the read's window. */
class HubSpotPushedFiltersTest {

    private static final FieldCatalog CATALOG = FieldCatalog.empty(CrmProvider.HUBSPOT)
            .withObject(ObjectSchema.of(
                    "product_demos",
                    "hubspot_owner_id",
                    "demo_date",
                    List.of(
                            new FieldDef("hubspot_owner_id", FieldType.STRING),
                            new FieldDef("demo_date", FieldType.DATE),
                            new FieldDef("demo_status", FieldType.STRING))));

    @Test
    void aConditionOnACustomObjectBecomesFilterGroupsThatEverySearchOfTheReadCarries() throws Exception {
        var rules = rules("""
                provider: hubspot
                kpis:
                  demos_completed:
                    object: product_demos
                    when: demo_status = 'completed'
                  demos_missed:
                    object: product_demos
                    when: demo_status IN ('no_show', 'scheduled')
                """);

        var pushed = HubSpotPushedFilters.compile(rules, "product_demos");

        assertThat(pushed).isInstanceOf(PushDown.Pushable.class);
        var filter = ((PushDown.Pushable<String>) pushed).filter();
        Map<String, Object> window = Map.of("propertyName", "hs_lastmodifieddate", "operator", "GTE", "value", "0");
        var groups = HubSpotPushedFilters.groups(Optional.of(filter), List.of(window));
        var json = new ObjectMapper().writeValueAsString(groups);
        assertThat(groups).hasSize(2);
        assertThat(json)
                .contains("{\"propertyName\":\"demo_status\",\"operator\":\"EQ\",\"value\":\"completed\"}")
                .contains("\"operator\":\"IN\",\"values\":[\"no_show\",\"scheduled\"]");
        assertThat(groups)
                .allSatisfy(group -> assertThat(((List<?>) group.get("filters")).contains(window))
                        .isTrue());
    }

    @Test
    void withoutAPushDownTheWindowIsTheOnlyGroupAndARuleCountingEveryRecordPushesNothing() {
        Map<String, Object> window = Map.of("propertyName", "hs_lastmodifieddate", "operator", "GTE", "value", "0");
        assertThat(HubSpotPushedFilters.groups(Optional.empty(), List.of(window)))
                .containsExactly(Map.of("filters", List.of(window)));
        var everyDemo = rules("""
                provider: hubspot
                kpis:
                  demos_booked:
                    object: product_demos
                """);
        assertThat(HubSpotPushedFilters.compile(everyDemo, "product_demos")).isInstanceOf(PushDown.MatchAll.class);
    }

    private static RuleSet rules(String document) {
        return ((CompileResult.Compiled) MappingCompiler.compile(document, CATALOG)).ruleSet();
    }
}
