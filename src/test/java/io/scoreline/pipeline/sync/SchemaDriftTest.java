package io.scoreline.pipeline.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.failure.SchemaMismatch;
import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaDriftTest {

    private static final RuleSet RULES = compile("""
            provider: salesforce
            kpis:
              calls_made:
                object: Task
                when: TaskSubtype = 'Call'
              calls_with_contact:
                object: Task
                when: TaskSubtype = 'Call' AND WhoId IS NOT NULL
              owner_mail:
                object: Task
                when: Owner.Email LIKE '%@example.com'
              won_deals:
                object: Opportunity
                when: IsWon = true
            """);

    @Test
    void namesOnlyTheKpisThatReadTheGoneField() {
        assertThat(SchemaDrift.readers(RULES, mismatch("Task", "whoid"))).containsExactly("calls_with_contact");
    }

    @Test
    void aGoneRelationshipCountsForEveryPathThroughIt() {
        assertThat(SchemaDrift.readers(RULES, mismatch("Task", "Owner"))).containsExactly("owner_mail");
    }

    @Test
    void aGoneObjectCountsForEveryKpiOnIt() {
        var gone = new SchemaMismatch("Opportunity", Optional.empty(), "INVALID_TYPE");
        assertThat(SchemaDrift.readers(RULES, gone)).containsExactly("won_deals");
        assertThat(SchemaDrift.message(7, RULES, gone))
                .contains("integration 7 needs attention")
                .contains("object Opportunity")
                .contains("won_deals")
                .contains("scoreline mapping set --integration 7");
    }

    @Test
    void theMessageNamesFieldObjectAndKpis() {
        assertThat(SchemaDrift.message(3, RULES, mismatch("Task", "WhoId")))
                .contains("field Task.WhoId")
                .contains("KPIs that read it: calls_with_contact.")
                .doesNotContain("calls_made")
                .doesNotContain("\n");
    }

    private static SchemaMismatch mismatch(String object, String field) {
        return new SchemaMismatch(object, Optional.of(field), "INVALID_FIELD: No such column");
    }

    private static RuleSet compile(String document) {
        return switch (MappingCompiler.compile(document, FieldCatalog.stock(CrmProvider.SALESFORCE))) {
            case CompileResult.Compiled compiled -> compiled.ruleSet();
            case CompileResult.Rejected rejected -> throw new AssertionError(rejected.problems());
        };
    }
}
