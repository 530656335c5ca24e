package io.scoreline.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StockTemplatesTest {

    @ParameterizedTest
    @EnumSource(CrmProvider.class)
    void stockTemplateCompilesWithoutProblemsAgainstTheStockCatalog(CrmProvider provider) {
        var result = MappingCompiler.compile(StockTemplates.text(provider), FieldCatalog.stock(provider));

        assertThat(result.problems()).isEmpty();
        assertThat(result).isInstanceOf(CompileResult.Compiled.class);
        var keys = ((CompileResult.Compiled) result)
                .ruleSet().rules().stream().map(KpiRule::key).toList();
        assertThat(keys)
                .contains(
                        "calls_made",
                        "call_connects",
                        "talk_time_minutes",
                        "emails_sent",
                        "meetings_booked",
                        "meetings_held",
                        "tasks_completed",
                        "sourced_opps",
                        "deals_won",
                        "revenue_won");
    }

    @ParameterizedTest
    @EnumSource(CrmProvider.class)
    void canonicalTextCompilesBackToTheSameCanonicalText(CrmProvider provider) {
        var first = (CompileResult.Compiled)
                MappingCompiler.compile(StockTemplates.text(provider), FieldCatalog.stock(provider));
        var canonical = first.ruleSet().canonicalText();

        var second = MappingCompiler.compile(canonical, FieldCatalog.stock(provider));

        assertThat(second).isInstanceOf(CompileResult.Compiled.class);
        assertThat(((CompileResult.Compiled) second).ruleSet().canonicalText()).isEqualTo(canonical);
    }
}
