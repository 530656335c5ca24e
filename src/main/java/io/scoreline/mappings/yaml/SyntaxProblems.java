package io.scoreline.mappings.yaml;

import io.scoreline.mappings.Problem;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Words SnakeYAML's syntax errors for someone editing a rule document: the mistakes people
 * make (tabs, a line indented to no enclosing level, a quoted value continued on the next
 * line, YAML the subset does not have) get the messages and positions they had when the subset
 * had its own grammar; anything else keeps SnakeYAML's description at its mark.
 */
final class SyntaxProblems {

    private final SourceText source;

    SyntaxProblems(SourceText source) {
        this.source = source;
    }

    List<Problem> of(MarkedYAMLException e) {
        var problem = e.getProblem() == null ? "" : e.getProblem();
        var context = e.getContext() == null ? "" : e.getContext();
        var at = e.getProblemMark();
        if (problem.contains("(TAB)")) {
            return tabs(at);
        }
        if (problem.contains("but found '<block mapping start>'")) {
            return List.of(error(at, "inconsistent indentation: this line matches no enclosing level"));
        }
        if (problem.contains("but found '<scalar>'") && context.contains("block mapping") && startsItsLine(at)) {
            return List.of(error(at, continuation(at)));
        }
        if (problem.contains("could not find expected ':'") && e.getContextMark() != null) {
            return List.of(error(e.getContextMark(), "syntax error: expected ':' after the key"));
        }
        if (context.contains("quoted scalar") && problem.contains("end of stream") && e.getContextMark() != null) {
            var quote = source.charAt(e.getContextMark());
            return List.of(error(e.getContextMark(), "syntax error: unexpected '" + quote + "'" + hint(quote)));
        }
        var c = source.charAt(at);
        var hint = hint(c);
        if (!hint.isEmpty()) {
            return List.of(error(at, "syntax error: unexpected '" + c + "'" + hint));
        }
        return List.of(error(
                at,
                "syntax error: "
                        + problem.replace("<stream end>", "end of input")
                                .replace("<block end>", "end of the indented block")));
    }

    private List<Problem> tabs(Mark at) {
        var problems = new ArrayList<Problem>();
        var lines = source.text().split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i];
            var content = line.stripLeading();
            var indentation = line.substring(0, line.length() - content.length());
            if (indentation.indexOf('\t') >= 0 && !content.isEmpty() && !content.startsWith("#")) {
                problems.add(Problem.error(i + 1, 1, "tabs are not allowed for indentation; use spaces"));
            }
        }
        return problems.isEmpty()
                ? List.of(error(at, "syntax error: unexpected tab (use spaces, not tabs)"))
                : problems;
    }

    /** What ended the value on the line before, which this more-indented line seems to continue. */
    private String continuation(Mark at) {
        var lines = source.text().split("\r\n|\r|\n", -1);
        for (int i = Math.min(at.getLine(), lines.length) - 1; i >= 0; i--) {
            var line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            var end = withoutComment(line);
            if (end.endsWith("'") || end.endsWith("\"")) {
                return "only plain (unquoted) values can continue on the next line";
            }
            if (end.endsWith("}")) {
                return "a mapping cannot continue on the next line; close it first";
            }
            break;
        }
        return "syntax error: unexpected text (is a ':' missing?)";
    }

    private static String withoutComment(String line) {
        if (line.endsWith("'") || line.endsWith("\"") || line.endsWith("}")) {
            return line;
        }
        int comment = line.lastIndexOf(" #");
        return comment < 0 ? line : line.substring(0, comment).strip();
    }

    private boolean startsItsLine(Mark at) {
        int index = source.charIndex(at);
        var text = source.text();
        for (int i = index - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return true;
            }
            if (c != ' ') {
                return false;
            }
        }
        return true;
    }

    private static String hint(char c) {
        return switch (c) {
            case '|', '>' -> " (block scalars are not supported: write the value on one line, quoted if needed)";
            case '-' -> " (lists are not supported in rule documents)";
            case '[', ']' -> " (flow sequences are not supported: IN lists go inside the expression)";
            case '"', '\'' -> " (unterminated quoted value?)";
            case '\t' -> " (use spaces, not tabs)";
            case '&', '*' -> " (anchors and aliases are not supported in rule documents)";
            case '!' -> " (tags are not supported in rule documents)";
            default -> "";
        };
    }

    private static Problem error(Mark mark, String message) {
        return Problem.error(YamlTreeBuilder.line(mark), YamlTreeBuilder.column(mark), message);
    }
}
