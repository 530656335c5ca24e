package io.scoreline.gamification.badges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The stock catalog's promises, and errors that name their line and column. */
class BadgeCatalogReaderTest {

    @Test
    void theStockCatalogIsValidBroadAndUsesEveryRuleKindTwice() {
        var badges = StockCatalog.badges();
        assertThat(badges).hasSizeGreaterThanOrEqualTo(40);
        assertThat(badges.stream().map(BadgeDefinition::category).distinct())
                .hasSizeGreaterThanOrEqualTo(8)
                .contains(
                        "calling",
                        "talk_time",
                        "meetings",
                        "pipeline",
                        "deals",
                        "revenue",
                        "streaks",
                        "personal_bests",
                        "milestones",
                        "contests");
        Map<String, Long> kinds =
                badges.stream().collect(Collectors.groupingBy(b -> b.rule().kind(), Collectors.counting()));
        assertThat(kinds.keySet())
                .containsExactlyInAnyOrder("threshold", "streak", "first", "personal_best", "combo", "placement");
        assertThat(kinds.values()).allMatch(n -> n >= 2);
        var byKey = badges.stream().collect(Collectors.toMap(BadgeDefinition::key, Function.identity()));
        assertThat(byKey.get("contest_winner").rule()).isEqualTo(new BadgeRule.Placement(1));
        assertThat(byKey.get("contest_runner_up").rule()).isEqualTo(new BadgeRule.Placement(2));
        assertThat(byKey.get("contest_third").rule()).isEqualTo(new BadgeRule.Placement(3));
    }

    @Test
    void rulesSurviveTheirStoredJsonForm() {
        for (var badge : StockCatalog.badges()) {
            assertThat(BadgeRuleJson.fromJson(BadgeRuleJson.toJson(badge.rule())))
                    .as(badge.key())
                    .isEqualTo(badge.rule());
        }
    }

    @Test
    void everyProblemIsReportedWithItsLineAndColumn() {
        var result = BadgeCatalogReader.read("""
                badges:
                  - key: Bad-Key
                    name: Bad
                    category: calling
                    rule: { kind: threshold, kpi: calls_made, period: fortnight, at_least: -1 }
                  - key: ok_one
                    name: Streak
                    category: streaks
                    colour: red
                    rule: { kind: streak, kpi: calls_made, length: 1, at_least: 2 }
                  - key: ok_one
                    name: Again
                    category: calling
                    rule: { kind: first, kpi: calls_made }
                  - key: no_rule
                    name: Nothing
                    category: calling
                  - key: combo_one
                    name: Lonely combo
                    category: combos
                    rule: { kind: combo, period: day, parts: [ { kpi: calls_made, at_least: 1 } ] }
                  - key: magic
                    name: Magic
                    category: calling
                    rule: { kind: wizardry }
                """);

        assertThat(result.valid()).isFalse();
        assertThat(result.badges()).isEmpty();
        assertThat(result.problems())
                .extracting(p -> p.format("custom.yaml"))
                .containsExactly(
                        "custom.yaml:2:10: key 'Bad-Key' must be lower case letters, digits and '_' (starting with a letter)",
                        "custom.yaml:5:55: period must be one of day, week, month, quarter, year, all; got 'fortnight'",
                        "custom.yaml:5:76: at_least must be a positive number, got '-1'",
                        "custom.yaml:9:5: unknown field 'colour' (expected one of category, description, key, name, policy, rule)",
                        "custom.yaml:10:52: length must be a whole number from 2 to 366, got '1'",
                        "custom.yaml:11:5: badge key 'ok_one' is defined twice",
                        "custom.yaml:15:5: badge 'no_rule' has no 'rule'",
                        "custom.yaml:21:46: a combo needs 'parts': a list of at least two { kpi: K, at_least: N }",
                        "custom.yaml:25:19: rule kind must be one of threshold, streak, first, personal_best, combo, placement, goal_reached; got 'wizardry'");
    }

    @Test
    void brokenYamlIsOneProblemAtItsPosition() {
        var result = BadgeCatalogReader.read("badges:\n  - key: a\n    name: [unclosed\n");
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith("not valid YAML: ");
        });
    }
}
