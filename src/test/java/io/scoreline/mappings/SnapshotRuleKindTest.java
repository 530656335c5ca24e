package io.scoreline.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.ast.KpiKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code kind:} of a rule (ADR 0042, 0043): checked, defaulted, and kept in the canonical text. */
class SnapshotRuleKindTest {

    private static final FieldCatalog SALESFORCE = FieldCatalog.stock(CrmProvider.SALESFORCE);

    private static String doc(String... kpiLines) {
        return "provider: salesforce\nkpis:\n" + String.join("\n", kpiLines) + "\n";
    }

    private static RuleSet compiled(String document) {
        var result = MappingCompiler.compile(document, SALESFORCE);
        assertThat(result.problems())
                .filteredOn(p -> p.severity() == Problem.Severity.ERROR)
                .isEmpty();
        return ((CompileResult.Compiled) result).ruleSet();
    }

    private static List<Problem> errors(String document) {
        var result = MappingCompiler.compile(document, SALESFORCE);
        assertThat(result).as("rejected").isInstanceOf(CompileResult.Rejected.class);
        return ((CompileResult.Rejected) result).errors();
    }

    private static KpiKind kindOf(RuleSet rules, String key) {
        return rules.rules().stream()
                .filter(r -> r.key().equals(key))
                .findFirst()
                .orElseThrow()
                .definition()
                .kind();
    }

    @Test
    void aSnapshotRuleIsReadAsSnapshotAndEveryOtherAsAdditive() {
        var rules = compiled(doc(
                "  open_pipeline: { object: Opportunity, kind: snapshot, when: IsClosed = false, value: Amount }",
                "  revenue_won: { object: Opportunity, when: IsWon = true, value: Amount, date: CloseDate }",
                "  calls: { object: Task, kind: Additive }",
                "  meetings: \"Event.Type=Meeting\""));

        assertThat(kindOf(rules, "open_pipeline")).isEqualTo(KpiKind.SNAPSHOT);
        assertThat(kindOf(rules, "revenue_won")).isEqualTo(KpiKind.ADDITIVE);
        assertThat(kindOf(rules, "calls")).isEqualTo(KpiKind.ADDITIVE);
        assertThat(kindOf(rules, "meetings")).isEqualTo(KpiKind.ADDITIVE);
    }

    @Test
    void theCanonicalTextWritesSnapshotAndLeavesTheAdditiveDefaultUnwritten() {
        var rules = compiled(doc(
                "  open_pipeline: { object: Opportunity, kind: SNAPSHOT, when: IsClosed = false, value: Amount }",
                "  calls: { object: Task, kind: additive }"));

        assertThat(rules.rules().get(0).canonicalText()).isEqualTo("""
                        open_pipeline:
                          object: Opportunity
                          when: IsClosed = false
                          value: Amount
                          owner: OwnerId
                          date: CreatedDate
                          kind: snapshot
                        """);
        assertThat(rules.rules().get(1).canonicalText()).doesNotContain("kind");
        // The text compiles back to the same rules: a stored version keeps the kind.
        var again = compiled(rules.canonicalText());
        assertThat(again.rules().stream().map(KpiRule::definition).map(d -> d.key() + "=" + d.kind()))
                .containsExactly("open_pipeline=SNAPSHOT", "calls=ADDITIVE");
        assertThat(again.canonicalText()).isEqualTo(rules.canonicalText());
    }

    @Test
    void anUnknownKindIsAnErrorAtItsValueAndSpoilsOnlyItsOwnRule() {
        var result = MappingCompiler.compile(
                doc(
                        "  open_pipeline:",
                        "    object: Opportunity",
                        "    kind: monthly",
                        "    value: Amount",
                        "  calls: { object: Task }"),
                SALESFORCE);

        assertThat(result).isInstanceOf(CompileResult.Rejected.class);
        assertThat(((CompileResult.Rejected) result).errors()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(11);
            assertThat(p.message())
                    .isEqualTo("kind must be additive (facts summed per day) or snapshot (a state taken at the"
                            + " end of each day), got 'monthly'");
        });
    }

    @Test
    void anEmptyOrNestedKindIsAnErrorAtItsPlace() {
        var empty = errors(doc("  open_pipeline:", "    object: Opportunity", "    kind:"));
        assertThat(empty).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).isEqualTo("'kind' has no value");
        });

        var nested = errors(doc("  open_pipeline:", "    object: Opportunity", "    kind: { a: snapshot }"));
        assertThat(nested).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(11);
            assertThat(p.message()).isEqualTo("'kind' must be a single value, not a mapping");
        });
    }

    @Test
    void aMisspelledKindKeyIsNamedWithTheKeysARuleHas() {
        var errors = errors(doc("  open_pipeline:", "    object: Opportunity", "    knid: snapshot"));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(5);
            assertThat(p.message())
                    .contains("unknown key 'knid'", "expected object, when, value, owner, date, distinct, kind");
        });
    }
}
