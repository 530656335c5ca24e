package io.scoreline.mappings.pushdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.CompileResult;
import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.FieldCatalog;
import io.scoreline.mappings.MappingCompiler;
import io.scoreline.mappings.RuleSet;
import org.junit.jupiter.api.Test;

class SoqlWhereCompilerTest {

    private static RuleSet rules(String... kpiBlocks) {
        var document = "provider: salesforce\nkpis:\n" + String.join("", kpiBlocks);
        return ((CompileResult.Compiled) MappingCompiler.compile(document, FieldCatalog.stock(CrmProvider.SALESFORCE)))
                .ruleSet();
    }

    private static String task(String key, String when) {
        return "  " + key + ":\n    object: Task\n    when: \"" + when.replace("\\", "\\\\") + "\"\n";
    }

    private static PushDown<String> where(RuleSet rules) {
        return new SoqlWhereCompiler().compile(rules, "Task");
    }

    @Test
    void literalsAreEscapedAndEqualityPushedAsIs() {
        var pushDown = where(rules(task("a", "Subject = 'O\\'Brien \\\\ co' AND CallDurationInSeconds > 0")));

        assertThat(pushDown)
                .isEqualTo(new PushDown.Pushable<>("Subject = 'O\\'Brien \\\\ co' AND CallDurationInSeconds > 0"));
    }

    @Test
    void negativeOperatorsAlsoAdmitNulls() {
        var pushDown =
                where(rules(task("a", "Type != 'Call' AND Status NOT IN ('Open') AND Subject NOT LIKE 'x\\_%'")));

        assertThat(pushDown)
                .isEqualTo(
                        new PushDown.Pushable<>(
                                "(Type != 'Call' OR Type = null) AND "
                                        + "(Status NOT IN ('Open') OR Status = null) AND (NOT Subject LIKE 'x\\_%' OR Subject = null)"));
    }

    @Test
    void negationsArePushedIntoTheAtoms() {
        var pushDown = where(rules(task("a", "NOT (IsClosed OR CallDurationInSeconds >= 60)")));

        assertThat(pushDown)
                .isEqualTo(
                        new PushDown.Pushable<>(
                                "(IsClosed = false OR IsClosed = null) AND (CallDurationInSeconds < 60 OR CallDurationInSeconds = null)"));
    }

    @Test
    void datetimesAreWrittenInUtcAndDatesAsIs() {
        var pushDown =
                where(rules(task("a", "CreatedDate >= 2024-05-17T08:00:00+02:00 AND ActivityDate < 2024-06-01")));

        assertThat(pushDown)
                .isEqualTo(
                        new PushDown.Pushable<>("CreatedDate >= 2024-05-17T06:00:00Z AND ActivityDate < 2024-06-01"));
    }

    @Test
    void rulesOnOneObjectAreAlternatives() {
        var pushDown = where(rules(task("a", "Type = 'Call'"), task("b", "Type = 'Email' OR Subject LIKE 'Email%'")));

        assertThat(pushDown)
                .isEqualTo(new PushDown.Pushable<>("(Type = 'Call') OR (Type = 'Email' OR Subject LIKE 'Email%')"));
    }

    @Test
    void anUnconditionalRuleOrAnInexpressibleConditionNeedsEveryRecord() {
        var unconditional = rules(task("a", "Type = 'Call'"), "  b:\n    object: Task\n");
        var arithmetic = rules(task("a", "CallDurationInSeconds / 60 > 2"));

        assertThat(where(unconditional)).isInstanceOf(PushDown.MatchAll.class);
        assertThat(where(arithmetic)).isInstanceOf(PushDown.MatchAll.class);
    }

    @Test
    void tooLongAClauseIsNotPushed() {
        var pushDown =
                new SoqlWhereCompiler(20).compile(rules(task("a", "Subject = 'a rather long subject line'")), "Task");

        assertThat(pushDown).isInstanceOf(PushDown.NotPushable.class);
        assertThat(((PushDown.NotPushable<String>) pushDown).reason()).contains("limit 20");
    }

    @Test
    void stockTemplatePushesDownForEveryObject() throws Exception {
        var template = io.scoreline.mappings.StockTemplates.text(CrmProvider.SALESFORCE);
        var rules = ((CompileResult.Compiled)
                        MappingCompiler.compile(template, FieldCatalog.stock(CrmProvider.SALESFORCE)))
                .ruleSet();

        assertThat(new SoqlWhereCompiler().compile(rules, "Event"))
                .isEqualTo(
                        new PushDown.Pushable<>(
                                "(EventSubtype = 'Event' AND (IsAllDayEvent = false OR IsAllDayEvent = null)) OR (EventSubtype = 'Event' AND "
                                        + "(IsAllDayEvent = false OR IsAllDayEvent = null) AND (NOT Subject LIKE '%cancel%' OR Subject = null))"));
        assertThat(new SoqlWhereCompiler().compile(rules, "Opportunity")).isInstanceOf(PushDown.MatchAll.class);
    }

    @Test
    void fractionalSecondsWidenToTheWholeSecondsAround() {
        assertThat(where(rules(task("a", "CreatedDate < 2024-05-17T10:00:00.5Z"))))
                .isEqualTo(new PushDown.Pushable<>("CreatedDate <= 2024-05-17T10:00:01Z"));
        assertThat(where(rules(task("a", "CreatedDate = 2024-05-17T10:00:00.5Z"))))
                .isEqualTo(new PushDown.Pushable<>(
                        "CreatedDate >= 2024-05-17T10:00:00Z AND CreatedDate <= 2024-05-17T10:00:01Z"));
    }
}
