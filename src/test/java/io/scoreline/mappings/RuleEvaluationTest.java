package io.scoreline.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleEvaluationTest {

    private static RuleSet salesforce(String when, String value) {
        var document = "provider: salesforce\nkpis:\n  k:\n    object: Task\n"
                + (when == null
                        ? ""
                        : "    when: \"" + when.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n")
                + (value == null ? "" : "    value: " + value + "\n");
        var result = MappingCompiler.compile(document, FieldCatalog.stock(CrmProvider.SALESFORCE));
        assertThat(result.problems())
                .filteredOn(p -> p.severity() == Problem.Severity.ERROR)
                .isEmpty();
        return ((CompileResult.Compiled) result).ruleSet();
    }

    private static MappingRecord task(Object... keyValues) {
        var fields = new HashMap<String, Object>();
        fields.put("CreatedDate", "2024-05-17T14:03:22.000+0000");
        fields.put("OwnerId", "005A");
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new MappingRecord("Task", "00T1", fields);
    }

    private static boolean matches(String when, MappingRecord record) {
        return salesforce(when, null).rules().getFirst().matches(record);
    }

    @ParameterizedTest(name = "{0} with Type={1} -> {2}")
    @CsvSource(
            nullValues = "NULL",
            delimiter = '|',
            value = {
                "Type = 'Call'| NULL| false",
                "Type = 'Call'| call| true",
                "Type != 'Call'| NULL| true",
                "Type <> 'Call'| Call| false",
                "Type = null| NULL| true",
                "Type != null| NULL| false",
                "Type IS NULL| NULL| true",
                "Type IS NOT NULL| x| true",
                "Type IN ('Call')| NULL| false",
                "Type NOT IN ('Call')| NULL| true",
                "Type IN ('Call', null)| NULL| true",
                "Type LIKE 'C%'| NULL| false",
                "Type NOT LIKE 'C%'| NULL| true",
                "Type < 'M'| NULL| false",
                "Type >= 'M'| NULL| false",
                "NOT Type = 'Call'| NULL| true",
                "NOT Type != 'Call'| NULL| false",
            })
    void nullFollowsTheDesignRules(String when, String type, boolean expected) {
        assertThat(matches(when, task("Type", type))).isEqualTo(expected);
    }

    @Test
    void aNullBooleanCountsAsFalse() {
        var record = task("IsClosed", null);

        assertThat(matches("IsClosed", record)).isFalse();
        assertThat(matches("IsClosed = false", record)).isTrue();
        assertThat(matches("IsClosed != true", record)).isTrue();
        assertThat(matches("NOT IsClosed", record)).isTrue();
        assertThat(matches("IsClosed IS NULL", record)).isTrue();
    }

    @Test
    void fieldNamesAndStringsIgnoreCase() {
        var record = task("type", "CALL", "status", "Completed");

        assertThat(matches("TYPE = 'call' AND Status IN ('completed')", record)).isTrue();
        assertThat(matches("Type LIKE 'ca_l'", record)).isTrue();
    }

    @Test
    void likeEscapesMakeWildcardsLiteral() {
        assertThat(matches("Subject LIKE '100\\%%'", task("Subject", "100% done")))
                .isTrue();
        assertThat(matches("Subject LIKE '100\\%%'", task("Subject", "1000 done")))
                .isFalse();
        assertThat(matches("Subject LIKE 'a\\_b'", task("Subject", "a_b"))).isTrue();
        assertThat(matches("Subject LIKE 'a\\_b'", task("Subject", "axb"))).isFalse();
    }

    @Test
    void numbersCompareByValueWhateverTheirJsonShape() {
        assertThat(matches("CallDurationInSeconds IN (60, 120)", task("CallDurationInSeconds", 60.0)))
                .isTrue();
        assertThat(matches("CallDurationInSeconds IN (60, 120)", task("CallDurationInSeconds", 120L)))
                .isTrue();
        assertThat(matches("CallDurationInSeconds > 59.5", task("CallDurationInSeconds", "60")))
                .isTrue();
        assertThat(matches("CallDurationInSeconds NOT IN (60)", task("CallDurationInSeconds", 61)))
                .isTrue();
    }

    @Test
    void dateAndDateTimeLiteralsCompareAsInstantsAndDays() {
        assertThat(matches("ActivityDate >= 2024-05-17", task("ActivityDate", "2024-05-17")))
                .isTrue();
        assertThat(matches("ActivityDate > 2024-05-17", task("ActivityDate", "2024-05-17")))
                .isFalse();
        assertThat(matches("CreatedDate < 2024-05-17T16:00:00+02:00", task())).isFalse();
        assertThat(matches("CreatedDate < 2024-05-17T14:03:23Z", task())).isTrue();
    }

    @Test
    void relationshipPathsReadNestedMaps() {
        var record = task("Owner", Map.of("Email", "Ann@Example.com"));

        assertThat(matches("Owner.Email LIKE '%@example.com'", record)).isTrue();
    }

    @Test
    void valueDefaultsToOneAndFactCarriesOwnerDateAndInstant() {
        var facts = salesforce("Type = 'Call'", null)
                .evaluate(task("Type", "Call"), ZoneId.of("America/New_York"), w -> {});

        assertThat(facts)
                .containsExactly(new Fact(
                        "k",
                        "Task",
                        "00T1",
                        "005A",
                        LocalDate.of(2024, 5, 17),
                        Instant.parse("2024-05-17T14:03:22Z"),
                        BigDecimal.ONE));
    }

    @Test
    void nullOrNonNumericValuesAndDivisionByZeroGiveNoFactButAWarning() {
        var warnings = new ArrayList<EvaluationWarning>();
        var byDuration = salesforce(null, "CallDurationInSeconds / 60");
        var byZero = salesforce(null, "60 / CallDurationInSeconds");

        assertThat(byDuration.evaluate(task("CallDurationInSeconds", null), ZoneOffset.UTC, warnings::add))
                .isEmpty();
        assertThat(byDuration.evaluate(task("CallDurationInSeconds", "abc"), ZoneOffset.UTC, warnings::add))
                .isEmpty();
        assertThat(byZero.evaluate(task("CallDurationInSeconds", 0), ZoneOffset.UTC, warnings::add))
                .isEmpty();

        assertThat(warnings)
                .extracting(EvaluationWarning::message)
                .containsExactly(
                        "value is null or not a number (CallDurationInSeconds = null)",
                        "value is null or not a number (CallDurationInSeconds = 'abc')",
                        "division by zero in value (CallDurationInSeconds = 0)");
    }

    @Test
    void arithmeticFunctionsAndNullPropagation() {
        var round = salesforce(null, "ROUND(CallDurationInSeconds / 60, 1)");
        var coalesce = salesforce(null, "COALESCE(CallDurationInSeconds, 0) + ABS(-2)");

        assertThat(round.evaluate(task("CallDurationInSeconds", 100), ZoneOffset.UTC, w -> {}))
                .singleElement()
                .extracting(Fact::value)
                .isEqualTo(new BigDecimal("1.7"));
        assertThat(coalesce.evaluate(task(), ZoneOffset.UTC, w -> {}))
                .singleElement()
                .extracting(Fact::value)
                .isEqualTo(new BigDecimal("2"));
    }

    @Test
    void aMissingOwnerStillGivesAFactAndAMissingDateDoesNot() {
        var rules = salesforce(null, null);
        var warnings = new ArrayList<EvaluationWarning>();
        var noOwner = task("OwnerId", null);
        var noDate = task("CreatedDate", "yesterday");

        assertThat(rules.evaluate(noOwner, ZoneOffset.UTC, warnings::add))
                .singleElement()
                .extracting(Fact::owner)
                .isNull();
        assertThat(rules.evaluate(noDate, ZoneOffset.UTC, warnings::add)).isEmpty();
        assertThat(warnings)
                .singleElement()
                .extracting(EvaluationWarning::format)
                .asString()
                .isEqualTo("Task 00T1: KPI k: no usable date in CreatedDate ('yesterday')");
    }

    @Test
    void recordsOfOtherObjectsAreIgnoredAndObjectTypesIgnoreCase() {
        var rules = salesforce(null, null);

        assertThat(rules.evaluate(new MappingRecord("Event", "00U", Map.of()), ZoneOffset.UTC, w -> {}))
                .isEmpty();
        assertThat(rules.evaluate(new MappingRecord("task", "00T", task().fields()), ZoneOffset.UTC, w -> {}))
                .hasSize(1);
    }

    @Test
    void projectionListsExactlyTheFieldsRulesOwnersAndDatesRead() throws Exception {
        var rules = ((CompileResult.Compiled) MappingCompiler.compile(
                        StockTemplates.text(CrmProvider.SALESFORCE), FieldCatalog.stock(CrmProvider.SALESFORCE)))
                .ruleSet();

        var fields = rules.fieldsByObject();

        assertThat(fields.keySet()).containsExactlyInAnyOrder("Task", "Event", "Opportunity");
        assertThat(fields.get("Opportunity"))
                .containsExactlyInAnyOrder("IsWon", "Amount", "CloseDate", "OwnerId", "CreatedDate", "CreatedById");
        assertThat(fields.get("Event"))
                .containsExactlyInAnyOrder(
                        "EventSubtype", "IsAllDayEvent", "Subject", "OwnerId", "CreatedDate", "ActivityDateTime");
    }

    @Test
    void hubSpotObjectsBecomeRecordsWithTypedCoercion() {
        var document = "provider: hubspot\nkpis:\n  talk:\n    object: calls\n    when: hs_call_duration > 0\n"
                + "    value: hs_call_duration / 60000.0\n";
        var rules = ((CompileResult.Compiled)
                        MappingCompiler.compile(document, FieldCatalog.stock(CrmProvider.HUBSPOT)))
                .ruleSet();
        var object = Map.of(
                "id",
                "501",
                "objectType",
                "calls",
                "archived",
                false,
                "properties",
                Map.of("hs_call_duration", "90000", "hs_timestamp", "1715954602000", "hubspot_owner_id", ""));

        var record = HubSpotObjectReader.toMappingRecord(object, Optional.empty());
        var facts = rules.evaluate(record, ZoneId.of("Europe/Berlin"), w -> {});

        assertThat(record.fields()).containsEntry("hs_object_id", "501").containsEntry("hubspot_owner_id", null);
        assertThat(facts)
                .containsExactly(new Fact(
                        "talk",
                        "calls",
                        "501",
                        null,
                        LocalDate.of(2024, 5, 17),
                        Instant.ofEpochMilli(1715954602000L),
                        new BigDecimal("1.5")));
    }

    @Test
    void salesforceRowsTakeTheirTypeFromAttributes() {
        var row = Map.of("attributes", Map.of("type", "Task", "url", "/x"), "Id", "00T9", "Subject", "Call");

        var record = SalesforceRowReader.toMappingRecord(row);

        assertThat(record.objectType()).isEqualTo("Task");
        assertThat(record.recordId()).isEqualTo("00T9");
        assertThat(record.fields()).doesNotContainKey("attributes").containsEntry("Subject", "Call");
    }

    @Test
    void diffReportsAddedRemovedAndChangedKpis() {
        var before = salesforce("Type = 'Call'", null);
        var afterText = "provider: salesforce\nkpis:\n  k:\n    object: Task\n    when: Type = 'Email'\n"
                + "  n:\n    object: Event\n";
        var after = ((CompileResult.Compiled)
                        MappingCompiler.compile(afterText, FieldCatalog.stock(CrmProvider.SALESFORCE)))
                .ruleSet();
        var removedOnly = ((CompileResult.Compiled) MappingCompiler.compile(
                        "kpis:\n  n:\n    object: Event\n", FieldCatalog.stock(CrmProvider.SALESFORCE)))
                .ruleSet();

        var changes = RuleSetDiff.between(Optional.of(before), after);

        assertThat(changes).extracting(RuleChange::kpi).containsExactly("k", "n");
        assertThat(changes.get(0)).isInstanceOf(RuleChange.Changed.class);
        assertThat(RuleSetDiff.format(changes)).contains("-   when: Type = 'Call'", "+   when: Type = 'Email'", "+ n:");
        assertThat(RuleSetDiff.between(Optional.of(after), removedOnly))
                .singleElement()
                .isInstanceOf(RuleChange.Removed.class);
        assertThat(RuleSetDiff.between(Optional.of(after), after)).isEmpty();
        assertThat(List.of(RuleSetDiff.between(Optional.empty(), before).getFirst()))
                .first()
                .isInstanceOf(RuleChange.Added.class);
        assertThat(RuleSetDiff.between(before.canonicalText(), after.canonicalText()))
                .isEqualTo(changes);
    }

    @Test
    void crmRecordsDispatchOnTheProvider() {
        var hubSpot = CrmRecords.fromApiObject(
                CrmProvider.HUBSPOT, Map.of("id", "1", "properties", Map.of()), Optional.of("calls"));
        var salesforce = CrmRecords.fromApiObject(
                CrmProvider.SALESFORCE, Map.of("attributes", Map.of("type", "Event"), "Id", "00U"), Optional.empty());

        assertThat(hubSpot.objectType()).isEqualTo("calls");
        assertThat(salesforce.objectType()).isEqualTo("Event");
    }

    @Test
    void reformattingAndSpelledOutDefaultsAreNoChange() {
        var terse = salesforce("Type='Call'", null);
        var verbose = ((CompileResult.Compiled) MappingCompiler.compile(
                        "provider: salesforce\nkpis:\n  k: {object: task, when: \"type = 'Call'\", owner: OwnerId, date: createddate}  # same\n",
                        FieldCatalog.stock(CrmProvider.SALESFORCE)))
                .ruleSet();

        assertThat(RuleSetDiff.between(Optional.of(terse), verbose)).isEmpty();
    }

    @Test
    void unknownCrmTypesAreSkippableWhenExtendingACatalog() {
        assertThat(FieldType.lookup("currency")).contains(FieldType.NUMBER);
        assertThat(FieldType.lookup("address")).isEmpty();
    }

    @Test
    void absurdNumericStringsAreNotNumbers() {
        var warnings = new ArrayList<EvaluationWarning>();

        assertThat(salesforce(null, "CallDurationInSeconds")
                        .evaluate(task("CallDurationInSeconds", "1e999999999"), ZoneOffset.UTC, warnings::add))
                .isEmpty();
        assertThat(warnings)
                .singleElement()
                .extracting(EvaluationWarning::message)
                .asString()
                .contains("not a number");
    }
}
