package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormulaObjectsTest {

    private static final FieldCatalog STOCK = FieldCatalog.stock(CrmProvider.SALESFORCE);

    private static final RuleSet RULES = switch (MappingCompiler.compile("""
            provider: salesforce
            kpis:
              revenue_won:
                object: Opportunity
                when: IsWon = true
                value: Amount
              calls_made:
                object: Task
                when: TaskSubtype = 'Call'
            """, STOCK)) {
        case CompileResult.Compiled compiled -> compiled.ruleSet();
        case CompileResult.Rejected rejected -> throw new AssertionError(rejected.problems());
    };

    @Test
    void onlyObjectsWhoseRulesReadACalculatedFieldAreReRead() {
        var opportunity = STOCK.object("Opportunity").orElseThrow();
        var amount = opportunity.field("Amount").orElseThrow();
        var described = STOCK.withObject(
                opportunity.withField(new FieldDef(amount.name(), amount.type(), "currency", false, true, List.of())));

        assertThat(FormulaObjects.of(RULES, described)).isEqualTo(Map.of("Opportunity", List.of("Amount")));
    }

    @Test
    void theStockCatalogKnowsNoFormulas() {
        assertThat(FormulaObjects.of(RULES, STOCK)).isEmpty();
    }
}
