package io.scoreline.mappings.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.scoreline.mappings.Problem;
import org.junit.jupiter.api.Test;

class YamlParserTest {

    private static YamlMapping root(String text) {
        var result = YamlParser.parse(text);
        assertThat(result.problems()).isEmpty();
        return result.root().orElseThrow();
    }

    private static YamlNode at(YamlMapping mapping, String... path) {
        YamlNode node = mapping;
        for (var key : path) {
            node = ((YamlMapping) node).entry(key).orElseThrow().value();
        }
        return node;
    }

    private static String value(YamlMapping mapping, String... path) {
        return ((YamlScalar) at(mapping, path)).value();
    }

    @Test
    void nestedBlockMappingsWithCommentsBlankLinesAndDedentsOfSeveralLevels() {
        var root = root("""
                # leading comment
                ---
                a:
                  b:
                    c: one # trailing comment
                \s\s\s\s
                    d: two#not-a-comment
                e: three
                """);

        assertThat(value(root, "a", "b", "c")).isEqualTo("one");
        assertThat(value(root, "a", "b", "d")).isEqualTo("two#not-a-comment");
        assertThat(value(root, "e")).isEqualTo("three");
    }

    @Test
    void flowMappingsMaySpanLinesAndEndPlainScalarsAtCommas() {
        var root = root("k: { object: Task,\n   when: IsWon = true , # note\n value: 'a, b' }\n");

        assertThat(value(root, "k", "object")).isEqualTo("Task");
        assertThat(value(root, "k", "when")).isEqualTo("IsWon = true");
        assertThat(value(root, "k", "value")).isEqualTo("a, b");
    }

    @Test
    void quotedScalarsUnescapeAndKeepTheColumnsOfTheirCharacters() {
        var root = root("a: 'it''s'\nb: \"x\\\"y\\n\\u0041\"\n");
        var b = (YamlScalar) at(root, "b");

        assertThat(value(root, "a")).isEqualTo("it's");
        assertThat(b.value()).isEqualTo("x\"y\nA");
        assertThat(b.columnOf(0)).isEqualTo(5);
        assertThat(b.columnOf(1)).isEqualTo(6);
        assertThat(b.columnOf(2)).isEqualTo(8);
    }

    @Test
    void windowsLineEndingsAndAMissingFinalNewlineAreFine() {
        var root = root("a:\r\n  b: 1\r\nc: 2");

        assertThat(value(root, "a", "b")).isEqualTo("1");
        assertThat(value(root, "c")).isEqualTo("2");
    }

    @Test
    void anEmptyValueIsKeptAsEmpty() {
        var root = root("a:\nb: x\n");

        assertThat(at(root, "a")).isInstanceOf(YamlEmpty.class);
    }

    @Test
    void duplicateKeysIgnoringCaseAreReported() {
        var result = YamlParser.parse("a: 1\nA: 2\n");

        assertThat(result.problems()).singleElement().isEqualTo(Problem.error(2, 1, "duplicate key 'A' (first defined on line 1)"));
    }

    @Test
    void unbalancedFlowMappingsAreErrors() {
        assertThat(YamlParser.parse("a: { b: c\n").problems()).isNotEmpty();
        assertThat(YamlParser.parse("a: }\n").problems()).isNotEmpty();
    }

    @Test
    void plainValuesContinueOnMoreIndentedLines() {
        var root = root("""
                a:
                  when: Type = 'Call'
                    AND (Status = 'Done'
                      OR Status = 'Completed')
                  value: x
                """);
        var when = (YamlScalar) at(root, "a", "when");

        assertThat(when.value()).isEqualTo("Type = 'Call' AND (Status = 'Done' OR Status = 'Completed')");
        assertThat(when.lineOf(when.value().indexOf("AND"))).isEqualTo(3);
        assertThat(when.columnOf(when.value().indexOf("AND"))).isEqualTo(5);
        assertThat(when.lineOf(when.value().indexOf("OR"))).isEqualTo(4);
        assertThat(value(root, "a", "value")).isEqualTo("x");
    }

    @Test
    void quotedValuesCannotContinue() {
        assertThat(YamlParser.parse("a: 'x'\n  b\n").problems()).singleElement().extracting(Problem::message)
                .asString().contains("only plain");
    }
}
