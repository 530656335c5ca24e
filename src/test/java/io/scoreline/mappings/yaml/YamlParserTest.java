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

        assertThat(result.problems())
                .singleElement()
                .isEqualTo(Problem.error(2, 1, "duplicate key 'A' (first defined on line 1)"));
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
        assertThat(YamlParser.parse("a: 'x'\n  b\n").problems())
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("only plain");
    }

    @Test
    void quotedValuesOnSeveralLinesKeepThePlaceOfEachCharacter() {
        var root = root("a: 'x\n   y'\nb: \"p\\\n   q\"\n");
        var a = (YamlScalar) at(root, "a");
        var b = (YamlScalar) at(root, "b");

        assertThat(a.value()).isEqualTo("x y");
        assertThat(a.lineOf(2)).isEqualTo(2);
        assertThat(a.columnOf(2)).isEqualTo(4);
        assertThat(b.value()).isEqualTo("pq");
        assertThat(b.lineOf(1)).isEqualTo(4);
        assertThat(b.columnOf(1)).isEqualTo(4);
    }

    @Test
    void charactersOutsideTheBasicPlaneCountAsOneColumn() {
        var root = root("a: '\uD83D\uDE00 x'\nb: Nope\n");
        var a = (YamlScalar) at(root, "a");

        assertThat(a.columnOf(a.value().indexOf('x'))).isEqualTo(7);
        assertThat(((YamlScalar) at(root, "b")).column()).isEqualTo(4);
    }

    @Test
    void listsBlockScalarsAnchorsAndTagsAreNamedAtTheirPosition() {
        assertThat(YamlParser.parse("a:\n  - x\n").problems())
                .singleElement()
                .isEqualTo(Problem.error(
                        2, 3, "syntax error: unexpected '-' (lists are not supported in rule documents)"));
        assertThat(YamlParser.parse("a: [x, y]\n").problems())
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("unexpected '['", "IN lists go inside the expression");
        assertThat(YamlParser.parse("a: >\n  x\n").problems())
                .singleElement()
                .extracting(Problem::line, Problem::column)
                .containsExactly(1, 4);
        assertThat(YamlParser.parse("a: &x v\nb: *x\n").problems())
                .singleElement()
                .isEqualTo(Problem.error(
                        1,
                        4,
                        "syntax error: unexpected '&' (anchors and aliases are not supported in rule documents)"));
        assertThat(YamlParser.parse("a: *nowhere\n").problems())
                .singleElement()
                .extracting(Problem::column)
                .isEqualTo(4);
        assertThat(YamlParser.parse("a: !!java.net.URL x\n").problems())
                .singleElement()
                .isEqualTo(
                        Problem.error(1, 4, "syntax error: unexpected '!' (tags are not supported in rule documents)"));
    }

    @Test
    void anAliasExpansionBombIsRejectedBeforeItExpands() {
        var bomb = new StringBuilder("a0: &a0 {x: y}\n");
        for (int i = 1; i < 40; i++) {
            bomb.append("a")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" {l: *a")
                    .append(i - 1)
                    .append(", r: *a")
                    .append(i - 1)
                    .append("}\n");
        }

        var result = YamlParser.parse(bomb.toString());

        assertThat(result.root()).isEmpty();
        assertThat(result.problems())
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.message()).contains("aliases"));
    }

    @Test
    void deepBlockNestingAndHugeDocumentsAreErrorsNotCrashes() {
        var deep = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            deep.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }

        assertThat(YamlParser.parse(deep.toString()).problems())
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("nested deeper than");
        assertThat(YamlParser.parse("a: " + "x".repeat(YamlParser.MAX_CODE_POINTS) + "\n")
                        .problems())
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("larger than");
    }

    @Test
    void syntaxErrorsKeepTheWordingOfTheSubset() {
        assertThat(YamlParser.parse("a:\n\tb: 1\n").problems())
                .singleElement()
                .isEqualTo(Problem.error(2, 1, "tabs are not allowed for indentation; use spaces"));
        assertThat(YamlParser.parse("a:\n    b: 1\n  c: 2\n").problems())
                .singleElement()
                .isEqualTo(Problem.error(3, 3, "inconsistent indentation: this line matches no enclosing level"));
        assertThat(YamlParser.parse("a: {b: c}\n  d\n").problems())
                .singleElement()
                .extracting(Problem::message)
                .isEqualTo("a mapping cannot continue on the next line; close it first");
        assertThat(YamlParser.parse("a: 'open\n").problems())
                .singleElement()
                .isEqualTo(Problem.error(1, 4, "syntax error: unexpected ''' (unterminated quoted value?)"));
        assertThat(YamlParser.parse("a: x\nb\n").problems())
                .singleElement()
                .isEqualTo(Problem.error(2, 1, "syntax error: expected ':' after the key"));
    }

    @Test
    void aDocumentThatIsNotAMappingIsAnError() {
        assertThat(YamlParser.parse("just words\n").problems())
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .contains("a rule document is a mapping");
        assertThat(YamlParser.parse("# only a comment\n")).satisfies(r -> {
            assertThat(r.root()).isEmpty();
            assertThat(r.problems()).isEmpty();
        });
    }

    @Test
    void aBlankLineInsideAContinuedPlainValueFoldsToASpaceAsBefore() {
        var root = root("when: Type = 'Call'\n\n  AND Nope = 1\n");
        var when = (YamlScalar) at(root, "when");

        assertThat(when.value()).isEqualTo("Type = 'Call' AND Nope = 1");
        assertThat(when.lineOf(when.value().indexOf("Nope"))).isEqualTo(3);
        assertThat(when.columnOf(when.value().indexOf("Nope"))).isEqualTo(7);
    }
}
