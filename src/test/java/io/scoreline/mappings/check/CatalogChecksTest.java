package io.scoreline.mappings.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.CustomFieldCatalogs;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.FieldDef;
import io.scoreline.mappings.FieldType;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.ObjectSchema;
import io.scoreline.mappings.Problem;
import io.scoreline.mappings.RandomRules;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the checker says about a rule document against a catalog with custom fields, options and formulas. */
class CatalogChecksTest {

    private static final FieldCatalog SALESFORCE = CustomFieldCatalogs.salesforce();
    private static final FieldCatalog HUBSPOT = CustomFieldCatalogs.hubspot();

    private static String salesforce(String... kpiLines) {
        return "provider: salesforce\nkpis:\n" + String.join("\n", kpiLines) + "\n";
    }

    private static String hubspot(String... kpiLines) {
        return "provider: hubspot\nkpis:\n" + String.join("\n", kpiLines) + "\n";
    }

    private static List<Problem> errors(String document, FieldCatalog catalog) {
        var result = MappingCompiler.compile(document, catalog);
        assertThat(result).as("rejected").isInstanceOf(CompileResult.Rejected.class);
        return ((CompileResult.Rejected) result).errors();
    }

    /** The warnings of a document that compiles: warnings never reject. */
    private static List<Problem> warnings(String document, FieldCatalog catalog) {
        var result = MappingCompiler.compile(document, catalog);
        assertThat(result).as("compiled: " + result.problems()).isInstanceOf(CompileResult.Compiled.class);
        return ((CompileResult.Compiled) result).warnings();
    }

    private static void hasProblem(List<Problem> problems, int line, int column, String... fragments) {
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).as("line of " + p.message()).isEqualTo(line);
            assertThat(p.column()).as("column of " + p.message()).isEqualTo(column);
            assertThat(p.message()).contains(fragments);
        });
    }

    @Nested
    class UnknownNames {

        @Test
        void aMisspeltFieldInWhenSuggestsTheClosestField() {
            var errors = errors(
                    salesforce("  calls:", "    object: Task", "    when: Call_Outcom__c = 'Connected'"), SALESFORCE);

            hasProblem(errors, 5, 11, "unknown field 'Call_Outcom__c' on Task (did you mean Call_Outcome__c?)");
        }

        @Test
        void aBareWordWithNoCloseFieldIsStillToldToQuoteText() {
            var errors = errors(salesforce("  calls:", "    object: Task", "    when: Type = Call"), SALESFORCE);

            hasProblem(errors, 5, 18, "unknown field 'Call' on Task (to compare with the text Call, quote it: 'Call')");
        }

        @Test
        void aMisspeltObjectSuggestsTheClosestObject() {
            var errors = errors(salesforce("  calls:", "    object: tsk"), SALESFORCE);

            hasProblem(errors, 4, 13, "unknown object 'tsk' for salesforce (did you mean Task?)");
            assertThat(errors.getFirst().message()).doesNotContain("known:");
        }

        @Test
        void anObjectWithNothingCloseListsTheCatalogsObjects() {
            var errors = errors(salesforce("  calls:", "    object: Nothing"), SALESFORCE);

            hasProblem(errors, 4, 13, "unknown object 'Nothing' for salesforce (known: ", "Product_Demo__c", "Task");
        }

        @Test
        void aMisspeltFieldInValueOwnerAndDateSuggestsTheClosestField() {
            var errors = errors(
                    salesforce(
                            "  talk:",
                            "    object: Task",
                            "    value: CallDurationInSecond",
                            "    owner: OwnrId",
                            "    date: CreatedDat"),
                    SALESFORCE);

            assertThat(errors).hasSize(3);
            hasProblem(errors.subList(0, 1), 5, 12, "did you mean CallDurationInSeconds?");
            hasProblem(errors.subList(1, 2), 6, 12, "unknown field 'OwnrId' on Task (did you mean OwnerId?)");
            hasProblem(errors.subList(2, 3), 7, 11, "did you mean CreatedDate?");
        }

        @Test
        void aMisspeltRelationshipPathSuggestsThePath() {
            var errors = errors(
                    salesforce("  calls:", "    object: Task", "    when: Owner.Emial = 'a@example.com'"), SALESFORCE);

            hasProblem(errors, 5, 11, "unknown field 'Owner.Emial' on Task (did you mean Owner.Email?)");
        }

        @Test
        void aShorthandFieldSuggestsTheClosestFieldAndNoQuotes() {
            var errors = errors(salesforce("  calls: Task.Call_Outcom__c = Connected"), SALESFORCE);

            hasProblem(errors, 3, 10, "unknown field 'Call_Outcom__c' on Task (did you mean Call_Outcome__c?)");
        }

        @Test
        void aMisspeltRuleKeySuggestsTheKey() {
            var errors = errors(salesforce("  calls:", "    object: Task", "    whn: Type = 'Call'"), SALESFORCE);

            hasProblem(errors, 5, 5, "unknown key 'whn' in KPI 'calls' (did you mean when? expected object");
        }

        @Test
        void nameSuggestionsIgnoreCaseAndStopWhereTheyWouldGuess() {
            assertThat(NameSuggestions.closest("OPPORTUNITY_", List.of("Opportunity", "Task")))
                    .containsExactly("Opportunity");
            assertThat(NameSuggestions.closest("Tsk", List.of("Task", "Lead", "Event")))
                    .containsExactly("Task");
            assertThat(NameSuggestions.closest("Id", List.of("Type", "Name"))).isEmpty();
            assertThat(NameSuggestions.closest("Amont", List.of("Amount", "Account", "Name")))
                    .containsExactly("Amount");
            assertThat(NameSuggestions.distance("kitten", "sitting", 5)).isEqualTo(3);
            assertThat(NameSuggestions.distance("kitten", "sitting", 2)).isEqualTo(3);
        }
    }

    @Nested
    class PicklistValues {

        private static final String VALUES = "(Connected, Voicemail, No Answer, Wrong Number)";

        private List<Problem> whenOnTask(String condition) {
            return warnings(salesforce("  calls:", "    object: Task", "    when: " + condition), SALESFORCE);
        }

        @Test
        void aTypoInAnEqualityIsAWarningListingTheValues() {
            hasProblem(
                    whenOnTask("Call_Outcome__c = 'Conected'"),
                    5,
                    29,
                    "'Conected' is not a value of Task.Call_Outcome__c " + VALUES + "; did you mean 'Connected'?");
        }

        @Test
        void inequalitiesAreCheckedToo() {
            hasProblem(whenOnTask("Call_Outcome__c != 'Voicemial'"), 5, 30, "'Voicemial' is not a value", VALUES);
            hasProblem(whenOnTask("Call_Outcome__c <> 'Busy'"), 5, 30, "'Busy' is not a value", VALUES);
        }

        @Test
        void aLiteralOnTheLeftIsChecked() {
            hasProblem(whenOnTask("\"'Conected' = Call_Outcome__c\""), 5, 12, "'Conected' is not a value");
        }

        @Test
        void eachBadItemOfAnInListIsAWarningAtItsPosition() {
            hasProblem(
                    whenOnTask("Call_Outcome__c IN ('Connected', 'Voicemal')"),
                    5,
                    44,
                    "'Voicemal' is not a value of Task.Call_Outcome__c " + VALUES);
            hasProblem(whenOnTask("Call_Outcome__c NOT IN ('Busy', null)"), 5, 35, "'Busy' is not a value");
        }

        @Test
        void aValueThatDiffersOnlyByCaseSaysThatItMatches() {
            hasProblem(
                    whenOnTask("Call_Outcome__c NOT IN ('Wrong number')"),
                    5,
                    35,
                    "'Wrong number' differs from the value 'Wrong Number' of Task.Call_Outcome__c only by case;"
                            + " rules compare text ignoring case, so it matches, but write 'Wrong Number'");
        }

        @Test
        void valuesOfThePicklistAreNotFlagged() {
            assertThat(whenOnTask("Call_Outcome__c IN ('Connected', 'Voicemail') AND Call_Outcome__c != 'No Answer'"))
                    .isEmpty();
        }

        @Test
        void aMultiSelectionOfValuesIsNotFlaggedButABadPartIs() {
            assertThat(whenOnTask("Call_Outcome__c = 'Connected;Voicemail'")).isEmpty();
            hasProblem(
                    whenOnTask("Call_Outcome__c = 'Connected;Voicemal'"),
                    5,
                    29,
                    "'Connected;Voicemal' is not a value of Task.Call_Outcome__c");
        }

        @Test
        void fieldsWithoutKnownOptionsAreNotChecked() {
            assertThat(whenOnTask("Type = 'Anything' AND CallDisposition IN ('x', 'y')"))
                    .isEmpty();
        }

        @Test
        void theShorthandsBareWordsAreChecked() {
            hasProblem(
                    warnings(salesforce("  connects: Task.Call_Outcome__c = Conected"), SALESFORCE),
                    3,
                    36,
                    "'Conected' is not a value of Task.Call_Outcome__c");
        }
    }

    @Nested
    class HubSpotLabels {

        @Test
        void aLabelWhereTheApiReturnsTheValueNamesTheValue() {
            hasProblem(
                    warnings(hubspot("  good_calls:", "    object: calls", "    when: call_quality = 'Good'"), HUBSPOT),
                    5,
                    26,
                    "'Good' is a label of calls.call_quality, not a value: HubSpot returns 'good' for the label 'Good';"
                            + " compare with 'good'");
        }

        @Test
        void aLabelThatDiffersFromTheValueBeyondCaseIsCaughtInAnInList() {
            hasProblem(
                    warnings(
                            hubspot(
                                    "  missed_demos:",
                                    "    object: product_demos",
                                    "    when: demo_status IN ('No Show')",
                                    "    owner: hubspot_owner_id",
                                    "    date: demo_date"),
                            HUBSPOT),
                    5,
                    27,
                    "HubSpot returns 'no_show' for the label 'No Show'");
        }

        @Test
        void theInternalValueIsClean() {
            assertThat(warnings(
                            hubspot("  good_calls:", "    object: calls", "    when: call_quality = 'good'"), HUBSPOT))
                    .isEmpty();
        }

        @Test
        void neitherValueNorLabelListsTheValues() {
            hasProblem(
                    warnings(
                            hubspot("  good_calls:", "    object: calls", "    when: call_quality = 'great'"), HUBSPOT),
                    5,
                    26,
                    "'great' is not a value of calls.call_quality (good, poor, dropped)");
        }
    }

    @Nested
    class FormulaFields {

        private static final String NOTICE = "Opportunity.Expected_Revenue__c is a formula field: its value can change"
                + " without the record's modification stamp moving, so syncs miss such changes unless"
                + " SCORELINE_FORMULA_REFRESH_WINDOW has Opportunity re-read on a schedule";

        @Test
        void readingAFormulaInWhenIsAWarning() {
            hasProblem(
                    warnings(
                            salesforce("  big:", "    object: Opportunity", "    when: Expected_Revenue__c > 1000"),
                            SALESFORCE),
                    5,
                    11,
                    NOTICE);
        }

        @Test
        void readingAFormulaInValueIsAWarning() {
            hasProblem(
                    warnings(
                            salesforce("  expected:", "    object: Opportunity", "    value: Expected_Revenue__c"),
                            SALESFORCE),
                    5,
                    12,
                    NOTICE);
        }

        @Test
        void aFormulaOwnerOrDateIsAWarning() {
            var catalog = SALESFORCE.withObject(ObjectSchema.of(
                    "Opportunity",
                    null,
                    null,
                    List.of(
                            new FieldDef("Renewal_Date__c", FieldType.DATE, "date", true, true, List.of()),
                            new FieldDef("Manager_Id__c", FieldType.STRING, "string", true, true, List.of()))));
            var warnings = warnings(
                    salesforce(
                            "  renewals:",
                            "    object: Opportunity",
                            "    owner: Manager_Id__c",
                            "    date: Renewal_Date__c"),
                    catalog);

            assertThat(warnings).hasSize(2);
            hasProblem(warnings.subList(0, 1), 5, 12, "Opportunity.Manager_Id__c is a formula field");
            hasProblem(warnings.subList(1, 2), 6, 11, "Opportunity.Renewal_Date__c is a formula field");
        }

        @Test
        void aFormulaDefaultDateIsAWarningAtTheRule() {
            var catalog = FieldCatalog.empty(CrmProvider.SALESFORCE)
                    .withObject(ObjectSchema.of(
                            "Thing__c",
                            "OwnerId",
                            "Due__c",
                            List.of(
                                    new FieldDef("OwnerId", FieldType.STRING),
                                    new FieldDef("Due__c", FieldType.DATE, "date", true, true, List.of()))));

            hasProblem(
                    warnings(salesforce("  things:", "    object: Thing__c"), catalog),
                    4,
                    5,
                    "Thing__c.Due__c is a formula field");
        }
    }

    @Nested
    class OwnerAndDateOfCustomObjects {

        @Test
        void aCustomObjectWithoutDefaultsNamesTheKeysToAdd() {
            var errors = errors(
                    salesforce("  demos:", "    object: Product_Demo__c", "    when: Status__c = 'Completed'"),
                    SALESFORCE);

            assertThat(errors)
                    .extracting(Problem::message)
                    .containsExactly(
                            "custom object Product_Demo__c has no default owner field; set 'owner:' naming a string"
                                    + " field of Product_Demo__c, e.g. OwnerId",
                            "custom object Product_Demo__c has no default date field; set 'date:' naming a date or"
                                    + " datetime field of Product_Demo__c, e.g. Demo_Date__c, SystemModstamp");
            assertThat(errors).extracting(Problem::line).containsOnly(4);
            assertThat(errors).extracting(Problem::column).containsOnly(5);
        }

        @Test
        void ownerAndDateMustHaveUsableTypes() {
            var errors = errors(
                    salesforce(
                            "  demos:",
                            "    object: Product_Demo__c",
                            "    owner: Demo_Date__c",
                            "    date: Status__c"),
                    SALESFORCE);

            assertThat(errors).hasSize(2);
            hasProblem(errors.subList(0, 1), 5, 12, "owner field Demo_Date__c is date; expected string");
            hasProblem(errors.subList(1, 2), 6, 11, "date field Status__c is string; expected date or datetime");
        }

        @Test
        void aCustomObjectWithOwnerAndDateCompilesClean() {
            assertThat(warnings(
                            salesforce(
                                    "  demos_completed:",
                                    "    object: Product_Demo__c",
                                    "    when: Status__c = 'Completed'",
                                    "    owner: OwnerId",
                                    "    date: Demo_Date__c"),
                            SALESFORCE))
                    .isEmpty();
        }

        @Test
        void aShorthandRuleOnACustomObjectWithoutDefaultsPointsToTheFullForm() {
            var errors = errors(salesforce("  demos: Product_Demo__c.Status__c = Completed"), SALESFORCE);

            assertThat(errors)
                    .extracting(Problem::message)
                    .anySatisfy(m -> assertThat(m).contains("set 'owner:'", "use the full form"))
                    .anySatisfy(m -> assertThat(m).contains("set 'date:'", "use the full form"));
        }

        @Test
        void aDefaultOfTheWrongTypeIsAnErrorNamingTheKey() {
            var catalog = FieldCatalog.empty(CrmProvider.SALESFORCE)
                    .withObject(ObjectSchema.of(
                            "Thing__c",
                            "Score__c",
                            "Missing__c",
                            List.of(
                                    new FieldDef("Score__c", FieldType.NUMBER),
                                    new FieldDef("Due__c", FieldType.DATE))));

            assertThat(errors(salesforce("  things:", "    object: Thing__c"), catalog))
                    .extracting(Problem::message)
                    .containsExactly(
                            "Thing__c's default owner field Score__c is number; expected string; set 'owner:' naming a"
                                    + " string field of Thing__c",
                            "Thing__c's default date field Missing__c is not in the catalog; set 'date:' naming a date"
                                    + " or datetime field of Thing__c, e.g. Due__c");
        }
    }

    /**
     * Property: a catalog that adds custom fields (with options and formulas) to the objects a
     * document uses says exactly what the plain catalog says about a document that does not read them.
     */
    @Test
    void customFieldsInTheCatalogAddNoProblemsToDocumentsThatDoNotReadThem() {
        var fields = RandomRules.FIELDS.entrySet().stream()
                .map(e -> new FieldDef(e.getKey(), e.getValue()))
                .toList();
        var task = ObjectSchema.of("Task", "OwnerId", "CreatedDate", fields)
                .withField(new FieldDef("OwnerId", FieldType.STRING))
                .withField(new FieldDef("CreatedDate", FieldType.DATETIME));
        var generator = new RandomRules(20_2026);
        for (var provider : CrmProvider.values()) {
            var plain = FieldCatalog.empty(provider).withObject(task);
            var custom = plain.withObject(ObjectSchema.of(
                    "Task",
                    null,
                    null,
                    List.of(
                            new FieldDef(
                                    "Call_Outcome__c",
                                    FieldType.STRING,
                                    "picklist",
                                    true,
                                    false,
                                    List.of(new io.scoreline.mappings.FieldOption("Connected", "Connected"))),
                            new FieldDef("Score__c", FieldType.NUMBER, "double", true, true, List.of()))));
            for (int i = 0; i < 300; i++) {
                var document = generator.document();
                var expected = MappingCompiler.compile(document, plain);
                assertThat(expected).as(document).isInstanceOf(CompileResult.Compiled.class);

                assertThat(MappingCompiler.compile(document, custom).problems())
                        .as(document)
                        .isEqualTo(expected.problems());
            }
        }
    }
}
