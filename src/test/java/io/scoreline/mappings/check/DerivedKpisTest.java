package io.scoreline.mappings.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.Problem;
import io.scoreline.mappings.RuleChange;
import io.scoreline.mappings.RuleSet;
import io.scoreline.mappings.RuleSetDiff;
import io.scoreline.mappings.ast.KpiDefinition;
import io.scoreline.mappings.ast.KpiKind;
import io.scoreline.mappings.ast.Operand;
import io.scoreline.mappings.measures.KpiFormula;
import io.scoreline.mappings.measures.KpiMeasure;
import io.scoreline.mappings.measures.KpiUnit;
import io.scoreline.mappings.yaml.YamlParser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The {@code derived:} section and the rules' {@code distinct:} field (ADR 0042): every form, every error. */
class DerivedKpisTest {

    private static final FieldCatalog SALESFORCE = FieldCatalog.stock(CrmProvider.SALESFORCE);

    /** Lines 1 to 18; {@code derived:} is line 19, so the first derived KPI is on line 20. */
    private static final List<String> RULES = List.of(
            "provider: salesforce",
            "kpis:",
            "  calls_made:",
            "    object: Task",
            "    when: TaskSubtype = 'Call'",
            "    distinct: WhatId",
            "  call_connects:",
            "    object: Task",
            "    when: TaskSubtype = 'Call' AND Status = 'Completed'",
            "  talk_time_minutes:",
            "    object: Task",
            "    value: CallDurationInSeconds / 60.0",
            "  meetings_booked:",
            "    object: Event",
            "  revenue_won:",
            "    object: Opportunity",
            "    when: IsWon = true",
            "    value: Amount");

    private static final int FIRST = 20;

    private static String doc(String... derivedLines) {
        var lines = new ArrayList<>(RULES);
        lines.add("derived:");
        lines.addAll(List.of(derivedLines));
        return String.join("\n", lines) + "\n";
    }

    private static RuleSet compiled(String document) {
        var result = MappingCompiler.compile(document, SALESFORCE);
        assertThat(result).as("compiled: %s", result.problems()).isInstanceOf(CompileResult.Compiled.class);
        return ((CompileResult.Compiled) result).ruleSet();
    }

    private static List<Problem> errors(String document) {
        var result = MappingCompiler.compile(document, SALESFORCE);
        assertThat(result).as("rejected").isInstanceOf(CompileResult.Rejected.class);
        return ((CompileResult.Rejected) result).errors();
    }

    /** The single error of a one-KPI derived section: at {@code token} of the derived line {@code index} (0-based). */
    private static void onlyError(String[] derivedLines, int index, String token, String... fragments) {
        var errors = errors(doc(derivedLines));
        int column = derivedLines[index].indexOf(token) + 1;
        assertThat(column).as("token %s in the test's own line", token).isPositive();
        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.message()).contains(fragments);
            assertThat(p.line()).as("line of " + p.message()).isEqualTo(FIRST + index);
            assertThat(p.column()).as("column of " + p.message()).isEqualTo(column);
        });
    }

    private static String[] lines(String... lines) {
        return lines;
    }

    private static BigDecimal n(String text) {
        return new BigDecimal(text);
    }

    @Nested
    class Forms {

        @Test
        void everyKindBecomesAMeasureAtItsLine() {
            var rules = compiled(doc(
                    "  connect_rate:    { ratio: call_connects / calls_made, unit: percent, min_denominator: 10 }",
                    "  avg_deal_size:   { average: revenue_won, unit: currency, min_facts: 2 }",
                    "  accounts_called: { distinct: calls_made }",
                    "  activity_points: { weighted: { calls_made: 1, meetings_booked: 5 } }",
                    "  activity_score:",
                    "    scorecard:",
                    "      calls_made:      { points: 1, cap_per_day: 50 }",
                    "      meetings_booked: { points: 10 }",
                    "  talk_per_call:",
                    "    ratio: { numerator: talk_time_minutes, denominator: calls_made }",
                    "    unit: minutes"));

            assertThat(rules.derived())
                    .containsExactly(
                            new KpiMeasure(
                                    "connect_rate",
                                    KpiUnit.PERCENT,
                                    new KpiFormula.Ratio("call_connects", "calls_made", n("10")),
                                    20),
                            new KpiMeasure(
                                    "avg_deal_size", KpiUnit.CURRENCY, new KpiFormula.Average("revenue_won", 2), 21),
                            new KpiMeasure(
                                    "accounts_called", KpiUnit.COUNT, new KpiFormula.DistinctCount("calls_made"), 22),
                            new KpiMeasure(
                                    "activity_points",
                                    KpiUnit.COUNT,
                                    new KpiFormula.WeightedSum(List.of(
                                            new KpiFormula.Term("calls_made", n("1")),
                                            new KpiFormula.Term("meetings_booked", n("5")))),
                                    23),
                            new KpiMeasure(
                                    "activity_score",
                                    KpiUnit.COUNT,
                                    new KpiFormula.Scorecard(List.of(
                                            new KpiFormula.Line("calls_made", n("1"), Optional.of(n("50"))),
                                            new KpiFormula.Line("meetings_booked", n("10"), Optional.empty()))),
                                    24),
                            new KpiMeasure(
                                    "talk_per_call",
                                    KpiUnit.MINUTES,
                                    new KpiFormula.Ratio("talk_time_minutes", "calls_made", n("1")),
                                    28));
            assertThat(rules.derived().get(4).inputs()).containsExactly("calls_made", "meetings_booked");
        }

        @Test
        void defaultsAreCountAndMinimumsOfOne() {
            var rules =
                    compiled(doc("  rate: { ratio: call_connects / calls_made }", "  avg: { average: revenue_won }"));

            assertThat(rules.derived())
                    .extracting(KpiMeasure::unit, KpiMeasure::formula)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(
                                    KpiUnit.COUNT, new KpiFormula.Ratio("call_connects", "calls_made", BigDecimal.ONE)),
                            org.assertj.core.groups.Tuple.tuple(
                                    KpiUnit.COUNT, new KpiFormula.Average("revenue_won", 1)));
        }

        @Test
        void equalNumbersAreOneValueWhateverTheirSpelling() {
            var tens = compiled(doc("  rate: { ratio: call_connects / calls_made, min_denominator: 10.00 }"));
            var ten = compiled(doc("  rate: { ratio: call_connects / calls_made, min_denominator: 10 }"));

            assertThat(tens.derived().getFirst().formula())
                    .isEqualTo(ten.derived().getFirst().formula());
        }

        @Test
        void aValuedDenominatorIsFineWithAnExplicitMinimum() {
            var rules =
                    compiled(doc("  per_minute: { ratio: call_connects / talk_time_minutes, min_denominator: 30 }"));

            assertThat(rules.derived().getFirst().formula())
                    .isEqualTo(new KpiFormula.Ratio("call_connects", "talk_time_minutes", n("30")));
        }

        @Test
        void negativeWeightsAndPointsArePenalties() {
            var rules = compiled(doc(
                    "  net: { weighted: { calls_made: 1, meetings_booked: -0.5 } }",
                    "  card: { scorecard: { calls_made: { points: -2 } } }"));

            assertThat(rules.derived())
                    .extracting(KpiMeasure::formula)
                    .containsExactly(
                            new KpiFormula.WeightedSum(List.of(
                                    new KpiFormula.Term("calls_made", n("1")),
                                    new KpiFormula.Term("meetings_booked", n("-0.5")))),
                            new KpiFormula.Scorecard(
                                    List.of(new KpiFormula.Line("calls_made", n("-2"), Optional.empty()))));
        }

        @Test
        void anAverageOfACountIsAllowedWithAWarning() {
            var line = "  avg_calls: { average: calls_made }";
            var result = MappingCompiler.compile(doc(line), SALESFORCE);

            assertThat(result).isInstanceOf(CompileResult.Compiled.class);
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.severity()).isEqualTo(Problem.Severity.WARNING);
                assertThat(p.line()).isEqualTo(FIRST);
                assertThat(p.column()).isEqualTo(line.indexOf("calls_made") + 1);
                assertThat(p.message()).contains("'calls_made' counts records", "always 1");
            });
        }

        @Test
        void anEmptySectionDefinesNothing() {
            assertThat(compiled(doc()).derived()).isEmpty();
            assertThat(compiled(doc()).canonicalText()).doesNotContain("derived");
        }
    }

    @Nested
    class DistinctField {

        @Test
        void theFieldIsCheckedReadAndWritten() {
            var rules = compiled(doc());
            var calls = rules.rules().getFirst();

            assertThat(calls.definition().distinct()).contains(new Operand.FieldRef("WhatId", FieldType.STRING));
            assertThat(calls.fieldsRead()).contains("WhatId");
            assertThat(rules.fieldsByObject().get("Task")).contains("WhatId");
            assertThat(calls.canonicalText()).endsWith("date: CreatedDate\n  distinct: WhatId\n");
            assertThat(rules.rules().get(1).definition().distinct()).isEmpty();
        }

        @Test
        void anyScalarTypeCanBeCounted() {
            var rules = compiled(String.join(
                    "\n",
                    "provider: salesforce",
                    "kpis:",
                    "  a: { object: Task, distinct: CallDurationInSeconds }",
                    "  b: { object: Task, distinct: ActivityDate }",
                    "  c: { object: Opportunity, distinct: IsWon }",
                    "  d: { object: Task, distinct: Owner.Email }",
                    ""));

            assertThat(rules.rules())
                    .extracting(r -> r.definition().distinct().orElseThrow().path())
                    .containsExactly("CallDurationInSeconds", "ActivityDate", "IsWon", "Owner.Email");
        }

        @Test
        void anUnknownFieldIsAnErrorAtItsPosition() {
            var errors = errors("provider: salesforce\nkpis:\n  a:\n    object: Task\n    distinct: WhatIdd\n");

            assertThat(errors).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(5);
                assertThat(p.column()).isEqualTo(15);
                assertThat(p.message()).contains("unknown field 'WhatIdd' on Task", "did you mean WhatId?");
            });
        }

        @Test
        void anEmptyDistinctIsAnError() {
            var errors = errors("provider: salesforce\nkpis:\n  a:\n    object: Task\n    distinct:\n");

            assertThat(errors).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(5);
                assertThat(p.message()).contains("'distinct' has no value");
            });
        }
    }

    @Nested
    class Errors {

        @Test
        void anUnknownTopLevelKeyListsDerived() {
            var errors = errors(String.join("\n", RULES) + "\nderive:\n  a: { average: revenue_won }\n");

            assertThat(errors).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(19);
                assertThat(p.column()).isEqualTo(1);
                assertThat(p.message())
                        .contains("unknown top-level key 'derive'", "(expected provider, kpis, derived)");
            });
        }

        @Test
        void anUnknownFormulaSuggestsTheClosest() {
            onlyError(
                    lines("  rate: { ration: call_connects / calls_made }"),
                    0,
                    "ration",
                    "unknown key 'ration' in derived KPI 'rate'",
                    "did you mean ratio?");
        }

        @Test
        void anUnknownOptionSuggestsTheClosest() {
            onlyError(
                    lines("  rate: { ratio: call_connects / calls_made, units: percent }"),
                    0,
                    "units",
                    "unknown key 'units'",
                    "did you mean unit?");
        }

        @Test
        void anUnknownKpiSuggestsTheNearestRule() {
            onlyError(
                    lines("  avg: { average: revenue_wn }"),
                    0,
                    "revenue_wn",
                    "unknown KPI 'revenue_wn' (did you mean revenue_won?)");
        }

        @Test
        void anUnknownKpiInARatioIsReportedAtItsSideOfTheSlash() {
            onlyError(
                    lines("  rate: { ratio: call_connects / calls_mad }"),
                    0,
                    "calls_mad",
                    "unknown KPI 'calls_mad' (did you mean calls_made?)");
        }

        @Test
        void anUnknownKpiWithNothingCloseSaysWhereKpisComeFrom() {
            onlyError(
                    lines("  w: { weighted: { pipeline: 2 } }"),
                    0,
                    "pipeline",
                    "unknown KPI 'pipeline' (not a rule under 'kpis:')");
        }

        @Test
        void aDerivedKpiIsNotAnInput() {
            onlyError(
                    lines("  avg: { average: revenue_won }", "  score: { scorecard: { avg: { points: 1 } } }"),
                    1,
                    "avg",
                    "'avg' is a derived KPI",
                    "do not nest");
        }

        @Test
        void aDerivedKeyMayNotBeARuleKey() {
            onlyError(
                    lines("  calls_made: { average: revenue_won }"),
                    0,
                    "calls_made",
                    "derived KPI 'calls_made' has the key of the rule at line 3");
        }

        @Test
        void aDuplicateDerivedKeyIsReportedAtTheSecond() {
            var errors = errors(doc("  rate: { average: revenue_won }", "  rate: { distinct: calls_made }"));

            assertThat(errors).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(21);
                assertThat(p.column()).isEqualTo(3);
                assertThat(p.message()).contains("duplicate key 'rate'");
            });
        }

        @Test
        void aKeyMustBeLowerSnakeCase() {
            onlyError(lines("  ConnectRate: { distinct: calls_made }"), 0, "ConnectRate", "must be lower_snake_case");
        }

        @Test
        void aDerivedKpiNeedsAFormula() {
            onlyError(lines("  rate: { unit: percent }"), 0, "rate", "derived KPI 'rate' has no formula");
            onlyError(lines("  rate: call_connects / calls_made"), 0, "rate", "derived KPI 'rate' needs a formula");
        }

        @Test
        void twoFormulasAreOneTooMany() {
            onlyError(
                    lines("  x: { average: revenue_won, distinct: calls_made }"),
                    0,
                    "distinct",
                    "has two formulas ('average' and 'distinct'); keep one");
        }

        @Test
        void aRatioIsNumeratorSlashDenominator() {
            onlyError(
                    lines("  x: { ratio: call_connects }"),
                    0,
                    "call_connects",
                    "ratio must be numerator / denominator");
            onlyError(lines("  x: { ratio: a / b / c }"), 0, "a / b", "ratio must be numerator / denominator");
            onlyError(
                    lines("  x: { ratio: { numerator: call_connects, denominatr: calls_made } }"),
                    0,
                    "denominatr",
                    "unknown key 'denominatr' in ratio",
                    "did you mean denominator?");
        }

        @Test
        void aRatioMappingNeedsBothParts() {
            var errors = errors(doc("  x: { ratio: { numerator: call_connects } }"));

            assertThat(errors).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(FIRST);
                assertThat(p.column()).isEqualTo(8);
                assertThat(p.message()).contains("ratio needs a denominator");
            });
        }

        @Test
        void dividingByAValuedKpiNeedsAnExplicitMinimum() {
            onlyError(
                    lines("  per_minute: { ratio: call_connects / talk_time_minutes }"),
                    0,
                    "talk_time_minutes",
                    "ratio divides by 'talk_time_minutes', a valued KPI whose sum can be 0 or negative",
                    "set min_denominator");
        }

        @Test
        void minimumsAreAtLeastOne() {
            onlyError(
                    lines("  rate: { ratio: call_connects / calls_made, min_denominator: 0.5 }"),
                    0,
                    "0.5",
                    "min_denominator must be a number of at least 1",
                    "got 0.5");
            onlyError(
                    lines("  avg: { average: revenue_won, min_facts: 0 }"),
                    0,
                    "0 }",
                    "min_facts must be a whole number of at least 1",
                    "got 0");
            onlyError(
                    lines("  avg: { average: revenue_won, min_facts: 2.5 }"),
                    0,
                    "2.5",
                    "min_facts must be a whole number of at least 1");
            onlyError(
                    lines("  avg: { average: revenue_won, min_facts: many }"),
                    0,
                    "many",
                    "min_facts must be a whole number of at least 1",
                    "got many");
        }

        @Test
        void anOptionOfAnotherKindIsAnError() {
            onlyError(
                    lines("  avg: { average: revenue_won, min_denominator: 3 }"),
                    0,
                    "min_denominator",
                    "'min_denominator' is an option of ratio, not of average");
            onlyError(
                    lines("  rate: { ratio: call_connects / calls_made, min_facts: 3 }"),
                    0,
                    "min_facts",
                    "'min_facts' is an option of average, not of ratio");
        }

        @Test
        void unitsAreKnownAndFitTheFormula() {
            onlyError(
                    lines("  rate: { ratio: call_connects / calls_made, unit: precent }"),
                    0,
                    "precent",
                    "unknown unit 'precent' (did you mean percent? expected count, currency, minutes, percent)");
            onlyError(
                    lines("  d: { distinct: calls_made, unit: currency }"),
                    0,
                    "currency",
                    "unit currency does not fit distinct (use count)");
            onlyError(
                    lines("  avg: { average: revenue_won, unit: percent }"),
                    0,
                    "percent",
                    "unit percent does not fit average (use count, currency or minutes)");
        }

        @Test
        void aDistinctCountNeedsTheRulesDistinctField() {
            onlyError(
                    lines("  d: { distinct: call_connects }"),
                    0,
                    "call_connects",
                    "'call_connects' has no 'distinct:' field to count; add one to its rule");
        }

        @Test
        void weightsAreNumbers() {
            onlyError(
                    lines("  w: { weighted: { calls_made: lots } }"),
                    0,
                    "lots",
                    "weight of 'calls_made' must be a number",
                    "got lots");
            onlyError(
                    lines("  w: { weighted: { calls_made: 1e999999999 } }"),
                    0,
                    "1e999999999",
                    "weight of 'calls_made' must be a number");
            onlyError(lines("  w: { weighted: {} }"), 0, "weighted", "'weighted' maps KPIs to weights");
        }

        @Test
        void scorecardPointsAndCapsArePositiveWhereTheyMustBe() {
            onlyError(
                    lines("  s: { scorecard: { calls_made: { points: 0 } } }"),
                    0,
                    "0 }",
                    "points must be a number other than 0");
            onlyError(
                    lines("  s: { scorecard: { calls_made: { points: 1, cap_per_day: -5 } } }"),
                    0,
                    "-5",
                    "cap_per_day must be a number greater than 0",
                    "got -5");
            onlyError(
                    lines("  s: { scorecard: { calls_made: { cap_per_day: 5 } } }"),
                    0,
                    "calls_made",
                    "scorecard line 'calls_made' needs points");
            onlyError(
                    lines("  s: { scorecard: { calls_made: 5 } }"),
                    0,
                    "calls_made",
                    "scorecard line 'calls_made' needs points");
            onlyError(
                    lines("  s: { scorecard: { calls_made: { points: 1, cap: 5 } } }"),
                    0,
                    "cap:",
                    "unknown key 'cap' in scorecard line 'calls_made'");
        }

        @Test
        void aScorecardHasAtMostTenLines() {
            var rules = new ArrayList<String>(List.of("provider: salesforce", "kpis:"));
            IntStream.rangeClosed(1, 11).forEach(i -> rules.add("  k" + i + ": \"Task.Type=Call\""));
            rules.add("derived:");
            rules.add("  card:");
            rules.add("    scorecard:");
            IntStream.rangeClosed(1, 11).forEach(i -> rules.add("      k" + i + ": { points: 1 }"));

            var errors = errors(String.join("\n", rules) + "\n");

            assertThat(errors).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(16);
                assertThat(p.column()).isEqualTo(5);
                assertThat(p.message()).contains("a scorecard has at most 10 KPIs; this one has 11");
            });
            var ten = new ArrayList<>(rules.subList(0, rules.size() - 1));
            assertThat(MappingCompiler.compile(String.join("\n", ten) + "\n", SALESFORCE))
                    .isInstanceOf(CompileResult.Compiled.class);
        }

        @Test
        void everyDerivedKpiIsCheckedWhenOneIsBad() {
            var a = "  a: { average: revenue_wn }";
            var b = "  b: { ratio: call_connects / talk_time_minutes }";
            var d = "  d: { weighted: { calls_made: x, meetings_bookd: 2 } }";

            var errors = errors(doc(a, b, "  c: { distinct: calls_made }", d));

            assertThat(errors)
                    .extracting(Problem::line, Problem::column)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(20, a.indexOf("revenue_wn") + 1),
                            org.assertj.core.groups.Tuple.tuple(21, b.indexOf("talk_time_minutes") + 1),
                            org.assertj.core.groups.Tuple.tuple(23, d.indexOf("x,") + 1),
                            org.assertj.core.groups.Tuple.tuple(23, d.indexOf("meetings_bookd") + 1));
        }

        @Test
        void aRuleWithItsOwnErrorsIsNotAlsoUnknown() {
            var errors = errors("provider: salesforce\nkpis:\n  calls:\n    object: Task\n    when: Nope = 1\n"
                    + "derived:\n  d: { average: calls }\n");

            assertThat(errors)
                    .singleElement()
                    .satisfies(p -> assertThat(p.line()).isEqualTo(5));
        }

        @Test
        void aSnapshotRuleIsNotAnInput() {
            var snapshot = new KpiDefinition(
                    "open_pipeline",
                    "Opportunity",
                    Optional.empty(),
                    Optional.empty(),
                    new Operand.FieldRef("OwnerId", FieldType.STRING),
                    new Operand.FieldRef("CreatedDate", FieldType.DATETIME),
                    KpiKind.SNAPSHOT,
                    Optional.empty(),
                    3);
            var text = "derived:\n  p: { weighted: { open_pipeline: 1 } }\n";
            var section =
                    YamlParser.parse(text).root().orElseThrow().entry("derived").orElseThrow();
            var keyScalar = YamlParser.parse("open_pipeline: x\n")
                    .root()
                    .orElseThrow()
                    .entries()
                    .getFirst()
                    .key();
            var problems = new ProblemSink();

            var measures = new DerivedKpiChecker(Map.of("open_pipeline", keyScalar), List.of(snapshot), problems)
                    .check(section);

            assertThat(measures).isEmpty();
            assertThat(problems.errors()).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.column()).isEqualTo(20);
                assertThat(p.message()).contains("'open_pipeline' is a snapshot KPI", "additive KPIs only");
            });
        }

        @Test
        void aScalarSectionIsAnError() {
            var errors = errors(String.join("\n", RULES) + "\nderived: connect_rate\n");

            assertThat(errors).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(19);
                assertThat(p.column()).isEqualTo(10);
                assertThat(p.message()).contains("'derived' must map KPI keys to formulas");
            });
        }
    }

    @Nested
    class CanonicalTextAndDiff {

        private static final String[] ALL = {
            "  connect_rate: { ratio: call_connects / calls_made, unit: percent, min_denominator: 10 }",
            "  avg_deal_size: { average: revenue_won, unit: currency }",
            "  accounts_called: { distinct: calls_made }",
            "  activity_points: { weighted: { calls_made: 1.50, meetings_booked: 5 } }",
            "  # a comment the canonical text drops",
            "  activity_score:",
            "    scorecard:",
            "      calls_made:      { points: 1, cap_per_day: 50 }",
            "      meetings_booked: { points: 10 }",
            "  talk_per_call: { ratio: { numerator: talk_time_minutes, denominator: calls_made } }"
        };

        @Test
        void theSectionIsWrittenWithEveryDefaultSpelledOut() {
            var text = compiled(doc(ALL)).canonicalText();

            assertThat(text.substring(text.indexOf("derived:\n")))
                    .isEqualTo(String.join(
                            "\n",
                            "derived:",
                            "  connect_rate:",
                            "    ratio: call_connects / calls_made",
                            "    min_denominator: 10",
                            "    unit: percent",
                            "  avg_deal_size:",
                            "    average: revenue_won",
                            "    min_facts: 1",
                            "    unit: currency",
                            "  accounts_called:",
                            "    distinct: calls_made",
                            "    unit: count",
                            "  activity_points:",
                            "    weighted:",
                            "      calls_made: 1.5",
                            "      meetings_booked: 5",
                            "    unit: count",
                            "  activity_score:",
                            "    scorecard:",
                            "      calls_made: { points: 1, cap_per_day: 50 }",
                            "      meetings_booked: { points: 10 }",
                            "    unit: count",
                            "  talk_per_call:",
                            "    ratio: talk_time_minutes / calls_made",
                            "    min_denominator: 1",
                            "    unit: count",
                            ""));
        }

        @Test
        void theCanonicalTextCompilesToTheSameDerivedKpis() {
            var original = compiled(doc(ALL));

            var reread = compiled(original.canonicalText());

            assertThat(reread.canonicalText()).isEqualTo(original.canonicalText());
            assertThat(reread.derived())
                    .extracting(KpiMeasure::key, KpiMeasure::unit, KpiMeasure::formula)
                    .containsExactlyElementsOf(original.derived().stream()
                            .map(m -> org.assertj.core.groups.Tuple.tuple(m.key(), m.unit(), m.formula()))
                            .toList());
            assertThat(reread.rules().getFirst().definition().distinct())
                    .isEqualTo(original.rules().getFirst().definition().distinct());
        }

        @Test
        void theDiffReportsDerivedKpisAddedRemovedAndChanged() {
            var before = compiled(doc(
                    "  connect_rate: { ratio: call_connects / calls_made, unit: percent, min_denominator: 10 }",
                    "  accounts_called: { distinct: calls_made }",
                    "  score: { scorecard: { calls_made: { points: 1 }, meetings_booked: { points: 10 } } }"));
            var after = compiled(doc(
                    "  connect_rate: { ratio: call_connects / calls_made, unit: percent, min_denominator: 20 }",
                    "  score: { scorecard: { calls_made: { points: 10 }, meetings_booked: { points: 1 } } }",
                    "  avg_deal_size: { average: revenue_won, unit: currency }"));

            var changes = RuleSetDiff.between(Optional.of(before), after);

            assertThat(changes)
                    .extracting(RuleChange::kpi)
                    .containsExactly("accounts_called", "connect_rate", "score", "avg_deal_size");
            assertThat(changes)
                    .extracting(c -> c.getClass().getSimpleName())
                    .containsExactly("Removed", "Changed", "Changed", "Added");
            assertThat(RuleSetDiff.format(changes))
                    .contains(
                            "- accounts_called:\n-   distinct: calls_made\n",
                            "  connect_rate:\n-   min_denominator: 10\n+   min_denominator: 20\n",
                            "-     calls_made: { points: 1 }\n-     meetings_booked: { points: 10 }\n"
                                    + "+     calls_made: { points: 10 }\n+     meetings_booked: { points: 1 }\n",
                            "+ avg_deal_size:\n+   average: revenue_won\n+   min_facts: 1\n+   unit: currency\n");
            assertThat(RuleSetDiff.between(Optional.of(compiled(doc(ALL))), compiled(doc(ALL).replace("1.50", "1.5"))))
                    .as("reformatting is no change")
                    .isEmpty();
        }

        @Test
        void aDistinctFieldAddedToARuleIsAChange() {
            var without = compiled(doc().replace("    distinct: WhatId\n", ""));

            var changes = RuleSetDiff.between(Optional.of(without), compiled(doc()));

            assertThat(changes).singleElement().satisfies(c -> {
                assertThat(c.kpi()).isEqualTo("calls_made");
                assertThat(c.format()).isEqualTo("  calls_made:\n+   distinct: WhatId\n");
            });
        }
    }
}
