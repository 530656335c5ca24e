package io.scoreline.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MappingCompilerTest {

    private static final FieldCatalog SALESFORCE = FieldCatalog.stock(CrmProvider.SALESFORCE);

    private static List<Problem> errors(String document) {
        var result = MappingCompiler.compile(document, SALESFORCE);
        assertThat(result).as("rejected").isInstanceOf(CompileResult.Rejected.class);
        return ((CompileResult.Rejected) result).errors();
    }

    private static RuleSet compiled(String document) {
        var result = MappingCompiler.compile(document, SALESFORCE);
        assertThat(result.problems())
                .filteredOn(p -> p.severity() == Problem.Severity.ERROR)
                .isEmpty();
        return ((CompileResult.Compiled) result).ruleSet();
    }

    private static String doc(String... kpiLines) {
        return "provider: salesforce\nkpis:\n" + String.join("\n", kpiLines) + "\n";
    }

    @Test
    void unknownFieldIsNamedAtItsLineAndColumn() {
        var errors = errors(doc("  calls:", "    object: Task", "    when: Typo = 'Call'"));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(11);
            assertThat(p.message()).contains("unknown field 'Typo' on Task");
        });
    }

    @Test
    void formatGivesFileLineColumnAndMessage() {
        var error = errors(doc("  calls:", "    object: Task", "    when: Typo = 'Call'"))
                .getFirst();

        assertThat(error.format("rules.yaml")).isEqualTo("rules.yaml:5:11: " + error.message());
    }

    @Test
    void typeMismatchNamesTheField() {
        var errors = errors(doc("  talk:", "    object: Task", "    when: CallDurationInSeconds = 'long'"));

        assertThat(errors)
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("type mismatch", "CallDurationInSeconds is number", "'long' is string");
    }

    @Test
    void arithmeticOnANonNumberIsAnError() {
        var errors = errors(doc("  talk:", "    object: Task", "    value: Subject * 2"));

        assertThat(errors)
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("arithmetic on a non-number: Subject is string");
    }

    @Test
    void aValueMustBeNumeric() {
        var errors = errors(doc("  talk:", "    object: Task", "    value: Subject"));

        assertThat(errors)
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("value must be a number");
    }

    @Test
    void duplicateKpiKeyIsReportedAtTheSecondDefinition() {
        var errors = errors(doc("  calls:", "    object: Task", "  calls:", "    object: Event"));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("duplicate key 'calls'", "line 3");
        });
    }

    @Test
    void emptyRulesAreErrors() {
        var errors = errors(doc("  a: {}", "  b:", "  c: ''", "  d:", "    object: Task", "    when: ''"));

        assertThat(errors).extracting(Problem::line).containsExactly(3, 4, 5, 8);
    }

    @Test
    void oneBadRuleNeverHidesTheProblemsOfTheOthers() {
        var errors = errors(doc(
                "  a:",
                "    object: Task",
                "    when: Nope = 1",
                "  b:",
                "    object: Nothing",
                "  c:",
                "    object: Task",
                "    when: Type = 'Call'",
                "  d:",
                "    object: Opportunity",
                "    value: Amount +"));

        assertThat(errors).extracting(Problem::line).containsExactly(5, 7, 13);
        assertThat(errors.get(1).message()).contains("unknown object 'Nothing'", "Opportunity", "Task");
    }

    @Test
    void unknownRuleKeysAndTopLevelKeysAreErrors() {
        var errors = errors("provider: salesforce\nextra: 1\nkpis:\n  a:\n    object: Task\n    whn: Type = 'x'\n");

        assertThat(errors)
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("unknown top-level key 'extra'"))
                .anySatisfy(m -> assertThat(m).contains("unknown key 'whn'"));
    }

    @Test
    void syntaxErrorInAnExpressionPointsIntoTheExpression() {
        var errors = errors(doc("  a:", "    object: Task", "    when: Type = = 'Call'"));

        assertThat(errors).first().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(18);
            assertThat(p.message()).startsWith("syntax error: unexpected '='");
        });
    }

    @Test
    void yamlIndentationErrorsAreReportedWithPositions() {
        var errors = errors("provider: salesforce\nkpis:\n  a:\n      object: Task\n    when: Type = 'x'\n");

        assertThat(errors).first().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("indentation");
        });
    }

    @Test
    void tabsInIndentationAreRejected() {
        var errors = errors("provider: salesforce\nkpis:\n\ta:\n\t\tobject: Task\n");

        assertThat(errors)
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("tabs"));
    }

    @Test
    void oversizedDocumentsAreRejectedUpFront() {
        var errors = errors("#".repeat(MappingCompiler.MAX_DOCUMENT_CHARS + 1));

        assertThat(errors)
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("larger than");
    }

    @Test
    void absurdNestingIsAnErrorNotACrash() {
        var parens =
                errors(doc("  a:", "    object: Task", "    when: " + "(".repeat(500) + "IsClosed" + ")".repeat(500)));
        var nots = errors(doc("  a:", "    object: Task", "    when: " + "NOT ".repeat(900) + "IsClosed"));
        var minus = errors(doc("  a:", "    object: Task", "    value: " + "-".repeat(1000) + "1"));
        var braces = errors("provider: salesforce\nkpis: " + "{a: ".repeat(3000));

        assertThat(List.of(parens, nots, minus, braces))
                .allSatisfy(e -> assertThat(e)
                        .extracting(Problem::message)
                        .anySatisfy(m -> assertThat(m).contains("nested")));
    }

    @Test
    void providerMustMatchTheCatalog() {
        var errors = errors("provider: hubspot\nkpis:\n  a:\n    object: Task\n");

        assertThat(errors)
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("document is for hubspot"));
    }

    @Test
    void providerComesFromTheDocumentOrTheCaller() {
        var fromDocument = MappingCompiler.compile(
                "provider: hubspot\nkpis:\n  a:\n    object: calls\n", Optional.empty(), FieldCatalog::stock);
        var fromCaller = MappingCompiler.compile(
                "kpis:\n  a:\n    object: calls\n", Optional.of(CrmProvider.HUBSPOT), FieldCatalog::stock);
        var conflicting = MappingCompiler.compile(
                "provider: hubspot\nkpis:\n  a:\n    object: calls\n",
                Optional.of(CrmProvider.SALESFORCE),
                FieldCatalog::stock);
        var neither =
                MappingCompiler.compile("kpis:\n  a:\n    object: calls\n", Optional.empty(), FieldCatalog::stock);

        assertThat(fromDocument).isInstanceOf(CompileResult.Compiled.class);
        assertThat(fromCaller).isInstanceOf(CompileResult.Compiled.class);
        assertThat(conflicting.problems())
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("--provider");
        assertThat(neither.problems())
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("missing 'provider");
    }

    @Test
    void shorthandTakesTheObjectFromThePrefixAndBareWordsAsStrings() {
        var rules = compiled(doc("  call_connects: \"Task.Type=Call AND Task.Status=Completed\""));

        var rule = rules.rules().getFirst();
        assertThat(rule.objectType()).isEqualTo("Task");
        assertThat(rule.canonicalText())
                .contains("when: Type = 'Call' AND Status = 'Completed'", "owner: OwnerId", "date: CreatedDate");
    }

    @Test
    void shorthandErrorsPointIntoTheQuotedText() {
        var errors = errors(doc("  call_connects: \"Task.Type=Call AND Task.Nope=Completed\""));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo(38);
            assertThat(p.message()).contains("unknown field 'Nope'");
        });
    }

    @Test
    void warningsAreKeptApartFromErrors() {
        var result =
                MappingCompiler.compile(doc("  a:", "    object: Task", "    when: Subject LIKE 'Call'"), SALESFORCE);

        assertThat(result).isInstanceOf(CompileResult.Compiled.class);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.format("f")).startsWith("f:5:24: warning: LIKE pattern without");
        });
    }

    @Test
    void ownerAndDateMustHaveFittingTypes() {
        var errors = errors(doc("  a:", "    object: Task", "    owner: CallDurationInSeconds", "    date: Subject"));

        assertThat(errors)
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("owner field CallDurationInSeconds is number"))
                .anySatisfy(m -> assertThat(m).contains("date field Subject is string"));
    }

    @Test
    void catalogExtendedAtRunTimeMakesCustomFieldsKnown() {
        var document = doc("  demos:", "    object: Task", "    when: Demo_Type__c = 'Live'");
        assertThat(MappingCompiler.compile(document, SALESFORCE)).isInstanceOf(CompileResult.Rejected.class);

        var extended = SALESFORCE.withField("Task", "Demo_Type__c", FieldType.parse("picklist"));

        assertThat(MappingCompiler.compile(document, extended)).isInstanceOf(CompileResult.Compiled.class);
        assertThat(extended.object("task").orElseThrow().ownerField()).contains("OwnerId");
    }

    @Test
    void mangledDocumentsNeverThrow() throws Exception {
        var template = StockTemplates.text(CrmProvider.SALESFORCE);
        var random = new Random(42);
        var alphabet = "{}[]:,'\"#|>-\n \t()=<>!%_\\abcXYZ019.";
        for (int i = 0; i < 400; i++) {
            var text = new StringBuilder(template);
            for (int edits = 1 + random.nextInt(5); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                if (random.nextBoolean()) {
                    text.deleteCharAt(at);
                } else {
                    text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            var result = MappingCompiler.compile(text.toString(), SALESFORCE);
            assertThat(result.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
        }
    }

    @Test
    void unsupportedYamlGetsAHint() {
        var errors = errors(doc("  a:", "    object: Task", "    when: |", "      Type = 'Call'"));

        assertThat(errors).first().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(11);
            assertThat(p.message()).contains("unexpected '|'", "block scalars are not supported");
        });
    }

    @Test
    void doubleQuotedStringsInExpressionsGetAHint() {
        var errors = errors(doc("  a:", "    object: Task", "    when: 'Type = \"Call\"'"));

        assertThat(errors).first().extracting(Problem::message).asString().contains("strings take single quotes");
    }

    @Test
    void expressionTokenSoupNeverThrows() {
        var random = new Random(7);
        var tokens = List.of(
                "Type",
                "IsClosed",
                "Owner.Email",
                "CallDurationInSeconds",
                "=",
                "!=",
                "<",
                ">=",
                "(",
                ")",
                ",",
                "AND",
                "OR",
                "NOT",
                "IN",
                "LIKE",
                "IS",
                "NULL",
                "'x'",
                "'%'",
                "1",
                "-",
                "+",
                "*",
                "/",
                "2024-05-17",
                "2024-05-17T10:00:00Z",
                "ROUND",
                "COALESCE",
                "ABS",
                "true",
                "\\",
                "\\'",
                "@",
                "Task.Type");
        for (int i = 0; i < 2_000; i++) {
            var when = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                when.append(tokens.get(random.nextInt(tokens.size()))).append(random.nextBoolean() ? " " : "");
            }
            var text = when.toString().replace("\\", "\\\\").replace("\"", "\\\"");
            var full = MappingCompiler.compile(
                    doc("  a:", "    object: Task", "    when: \"" + text + "\"", "    value: \"" + text + "\""),
                    SALESFORCE);
            var shorthand = MappingCompiler.compile(doc("  b: \"" + text + "\""), SALESFORCE);

            assertThat(full.problems()).allSatisfy(p -> assertThat(p.line()).isBetween(1, 6));
            assertThat(shorthand.problems())
                    .allSatisfy(p -> assertThat(p.column()).isPositive());
        }
    }

    @Test
    void roundTakesAModestConstantNumberOfDecimals() {
        var errors = errors(doc(
                "  a:",
                "    object: Task",
                "    value: ROUND(CallDurationInSeconds, 999999999)",
                "  b:",
                "    object: Task",
                "    value: ROUND(CallDurationInSeconds, CallDurationInSeconds)"));

        assertThat(errors).hasSize(2).allSatisfy(p -> assertThat(p.message()).contains("whole number from 0 to 12"));
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        var result = MappingCompiler.compile("\uFEFF" + doc("  a:", "    object: Task"), SALESFORCE);

        assertThat(result).isInstanceOf(CompileResult.Compiled.class);
    }

    @Test
    void shorthandFieldsMustShareTheObjectPrefix() {
        var errors = errors(doc("  mixed: \"Task.Type=Call AND Event.Subject=Demo\""));

        assertThat(errors)
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("must start with Task.", "Event.Subject");
    }

    @Test
    void errorsInAContinuedExpressionPointAtTheirLine() {
        var errors = errors(doc("  a:", "    object: Task", "    when: Type = 'Call'", "      AND Nope = 1"));

        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.column()).isEqualTo(11);
        });
    }

    @Test
    void orderingTextIsAllowedWithAWarning() {
        var result = MappingCompiler.compile(doc("  a:", "    object: Task", "    when: Subject >= 'M'"), SALESFORCE);

        assertThat(result).isInstanceOf(CompileResult.Compiled.class);
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(p.column()).isEqualTo(19);
            assertThat(p.message()).contains("alphabetically");
        });
    }
}
