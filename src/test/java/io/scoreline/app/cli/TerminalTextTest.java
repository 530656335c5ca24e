package io.scoreline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What reaches an operator's terminal from names a hostile user or CRM chose. */
class TerminalTextTest {

    @Test
    void escapeSequencesAndBidiOverridesBecomeVisible() {
        assertThat(TerminalText.cell("\u001b[2JEvil\u202e")).isEqualTo("\\x1b[2JEvil\\u202e");
        assertThat(TerminalText.cell("C1\u009b31m")).isEqualTo("C1\\x9b31m");
        assertThat(TerminalText.cell("a\nb\tc")).isEqualTo("a\\x0ab\\x09c");
    }

    @Test
    void ordinaryTextIsUnchangedAndCommandsKeepTheirOwnLineBreaks() {
        assertThat(TerminalText.cell("Zürich Sales 🚀 (東京)")).isEqualTo("Zürich Sales 🚀 (東京)");
        assertThat(TerminalText.lines("Run 3 failed\n  resume with: x\u001b"))
                .isEqualTo("Run 3 failed\n  resume with: x\\x1b");
    }

    @Test
    void tablesEscapeCellsButNotTheirLayout() {
        var text = new java.io.StringWriter();
        new CliOutput(new java.io.PrintWriter(text), false)
                .table(List.of("ID", "NAME"), List.of(List.of("1", "Bad\u001b[31m")));
        assertThat(text.toString()).doesNotContain("\u001b").contains("Bad\\x1b[31m");
    }
}
