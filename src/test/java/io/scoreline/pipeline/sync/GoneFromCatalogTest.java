package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class GoneFromCatalogTest {

    private static final FieldCatalog STOCK = FieldCatalog.stock(CrmProvider.SALESFORCE);
    private static final FieldCatalog WITH_OUTCOME = STOCK.withField("Task", "Call_Outcome__c", FieldType.STRING);

    private static final RuleSet RULES = compile("""
            provider: salesforce
            kpis:
              calls_with_outcome:
                object: Task
                when: TaskSubtype = 'Call' AND Call_Outcome__c IS NOT NULL
              owner_mail:
                object: Task
                when: Owner.Email LIKE '%@example.com'
              won_deals:
                object: Opportunity
                when: IsWon = true
            """);

    @Test
    void aFieldTheRulesReadThatTheNewerCatalogLacksIsNamedWithItsObject() {
        var gone = GoneFromCatalog.find(RULES, STOCK).orElseThrow();
        assertThat(gone.objectType()).contains("Task");
        assertThat(gone.field()).contains("Call_Outcome__c");
        assertThat(SchemaDrift.readers(RULES, gone)).containsExactly("calls_with_outcome");
    }

    @Test
    void nothingIsGoneWhenTheCatalogStillHasEveryFieldRead() {
        assertThat(GoneFromCatalog.find(RULES, WITH_OUTCOME)).isEmpty();
    }

    @Test
    void aGoneObjectIsNamedWithoutAField() {
        var objects = new LinkedHashMap<>(WITH_OUTCOME.objectsByLowerName());
        objects.remove("opportunity");
        var gone = GoneFromCatalog.find(RULES, new FieldCatalog(CrmProvider.SALESFORCE, objects))
                .orElseThrow();
        assertThat(gone.objectType()).contains("Opportunity");
        assertThat(gone.field()).isEmpty();
    }

    private static RuleSet compile(String document) {
        return switch (MappingCompiler.compile(document, WITH_OUTCOME)) {
            case CompileResult.Compiled compiled -> compiled.ruleSet();
            case CompileResult.Rejected rejected -> throw new AssertionError(rejected.problems());
        };
    }
}
