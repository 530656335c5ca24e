package io.scoreline.mappings.pushdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class HubSpotFilterCompilerTest {

    private static RuleSet calls(String when) {
        var document = "provider: hubspot\nkpis:\n  a:\n    object: calls\n    when: \"" + when + "\"\n";
        return ((CompileResult.Compiled) MappingCompiler.compile(document, FieldCatalog.stock(CrmProvider.HUBSPOT)))
                .ruleSet();
    }

    private static PushDown<List<HubSpotFilterGroup>> compile(RuleSet rules) {
        return new HubSpotFilterCompiler().compile(rules, "calls");
    }

    private static HubSpotFilterGroup group(HubSpotFilter... filters) {
        return new HubSpotFilterGroup(List.of(filters));
    }

    @Test
    void conjunctionsBecomeOneGroupWithTypedValues() {
        var pushDown = compile(calls("hs_call_status IN ('Completed', 'BUSY') AND hs_call_duration >= 60000 "
                + "AND hs_timestamp < 2024-05-17T00:00:00Z"));

        assertThat(pushDown)
                .isEqualTo(new PushDown.Pushable<>(List.of(group(
                        HubSpotFilter.of("hs_call_status", HubSpotOperator.IN, List.of("completed", "busy")),
                        HubSpotFilter.of("hs_call_duration", HubSpotOperator.GTE, "60000"),
                        HubSpotFilter.of("hs_timestamp", HubSpotOperator.LT, "1715904000000")))));
    }

    @Test
    void disjunctionsAndNegativeOperatorsBecomeSeveralGroups() {
        var pushDown = compile(
                calls("hs_call_direction != 'INBOUND' AND (hs_call_title LIKE 'Demo%' OR hs_call_duration > 0)"));

        assertThat(pushDown)
                .isEqualTo(new PushDown.Pushable<>(List.of(
                        group(
                                HubSpotFilter.of("hs_call_direction", HubSpotOperator.NEQ, "INBOUND"),
                                HubSpotFilter.of("hs_call_title", HubSpotOperator.HAS_PROPERTY)),
                        group(
                                HubSpotFilter.of("hs_call_direction", HubSpotOperator.NEQ, "INBOUND"),
                                HubSpotFilter.of("hs_call_duration", HubSpotOperator.GT, "0")),
                        group(
                                HubSpotFilter.of("hs_call_direction", HubSpotOperator.NOT_HAS_PROPERTY),
                                HubSpotFilter.of("hs_call_title", HubSpotOperator.HAS_PROPERTY)),
                        group(
                                HubSpotFilter.of("hs_call_direction", HubSpotOperator.NOT_HAS_PROPERTY),
                                HubSpotFilter.of("hs_call_duration", HubSpotOperator.GT, "0")))));
    }

    @Test
    void moreGroupsThanTheLimitIsNotPushable() {
        var pushDown = compile(calls(
                "(hs_call_title = 'a' OR hs_call_body = 'b') AND (hs_call_status = 'c' OR hs_call_direction = 'd')"
                        + " AND (hs_call_from_number = 'e' OR hs_call_to_number = 'f')"));

        assertThat(pushDown).isInstanceOf(PushDown.NotPushable.class);
        assertThat(((PushDown.NotPushable<?>) pushDown).reason()).contains("more than 5 filter groups");
    }

    @Test
    void tooManyFiltersInAGroupIsNotPushable() {
        var pushDown = new HubSpotFilterCompiler(new HubSpotFilterLimits(5, 2, 18))
                .compile(calls("hs_call_title = 'a' AND hs_call_body = 'b' AND hs_call_status = 'c'"), "calls");

        assertThat(pushDown).isInstanceOf(PushDown.NotPushable.class);
    }

    @Test
    void aNegatedLikeCannotNarrowTheSearch() {
        assertThat(compile(calls("hs_call_title NOT LIKE '%test%'"))).isInstanceOf(PushDown.MatchAll.class);
    }

    @Test
    void stockTemplateFitsTheDefaultLimits() throws Exception {
        var template = io.scoreline.mappings.StockTemplates.text(CrmProvider.HUBSPOT);
        var rules = ((CompileResult.Compiled)
                        MappingCompiler.compile(template, FieldCatalog.stock(CrmProvider.HUBSPOT)))
                .ruleSet();
        var compiler = new HubSpotFilterCompiler();

        assertThat(List.of("calls", "emails", "meetings", "tasks"))
                .allSatisfy(
                        object -> assertThat(compiler.compile(rules, object)).isInstanceOf(PushDown.Pushable.class));
        assertThat(compiler.compile(rules, "deals")).isInstanceOf(PushDown.MatchAll.class);
    }
}
