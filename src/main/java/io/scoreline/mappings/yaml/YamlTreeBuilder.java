package io.scoreline.mappings.yaml;

import io.scoreline.mappings.Problem;
import io.scoreline.mappings.grammar.RuleDocumentLexer;
import io.scoreline.mappings.grammar.RuleDocumentParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import org.antlr.v4.runtime.Token;

/** Builds {@link YamlNode}s from a syntactically valid parse tree, reporting duplicate keys. */
final class YamlTreeBuilder {

    private final Consumer<Problem> problems;

    YamlTreeBuilder(Consumer<Problem> problems) {
        this.problems = problems;
    }

    YamlMapping blockMapping(RuleDocumentParser.BlockMappingContext context, int line, int column) {
        var entries = new ArrayList<YamlEntry>();
        for (var pair : context.pair()) {
            var key = scalar(pair.key().scalar());
            YamlNode value;
            if (pair.flowValue() != null && pair.continuation() != null) {
                value = folded(pair.flowValue(), pair.continuation());
            } else if (pair.flowValue() != null) {
                value = flowValue(pair.flowValue());
            } else if (pair.blockMapping() != null) {
                var first = pair.blockMapping().getStart();
                value = blockMapping(pair.blockMapping(), first.getLine(), first.getCharPositionInLine() + 1);
            } else {
                value = new YamlEmpty(key.line(), key.column() + key.value().length() + 1);
            }
            entries.add(new YamlEntry(key, value));
        }
        return new YamlMapping(withoutDuplicates(entries), line, column);
    }

    /**
     * A plain value continued on more-indented lines, folded as YAML folds plain scalars: the
     * lines joined by single spaces. Each character keeps its own line and column.
     */
    private YamlNode folded(RuleDocumentParser.FlowValueContext first, RuleDocumentParser.ContinuationContext rest) {
        var parts = new ArrayList<YamlScalar>();
        if (first.scalar() == null) {
            var start = first.getStart();
            problems.accept(Problem.error(start.getLine(), start.getCharPositionInLine() + 1,
                    "a mapping cannot continue on the next line; close it first"));
            return flowValue(first);
        }
        parts.add(scalar(first.scalar()));
        collect(rest, parts);
        for (var part : parts) {
            if (part.style() != YamlScalar.Style.PLAIN) {
                problems.accept(Problem.error(part.line(), part.column(),
                        "only plain (unquoted) values can continue on the next line"));
                return parts.getFirst();
            }
        }
        var value = new StringBuilder();
        var lines = new ArrayList<Integer>();
        var columns = new ArrayList<Integer>();
        for (var part : parts) {
            if (!value.isEmpty()) {
                lines.add(lines.getLast());
                columns.add(columns.getLast() + 1);
                value.append(' ');
            }
            value.append(part.value());
            for (int i = 0; i < part.value().length(); i++) {
                lines.add(part.lineOf(i));
                columns.add(part.columnOf(i));
            }
        }
        var head = parts.getFirst();
        return new YamlScalar(value.toString(), YamlScalar.Style.PLAIN, head.line(), head.column(),
                lines.stream().mapToInt(Integer::intValue).toArray(), columns.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void collect(RuleDocumentParser.ContinuationContext context, List<YamlScalar> parts) {
        for (var child : context.children) {
            switch (child) {
                case RuleDocumentParser.ScalarContext scalar -> parts.add(scalar(scalar));
                case RuleDocumentParser.ContinuationContext nested -> collect(nested, parts);
                default -> {
                    // INDENT, NEWLINE and DEDENT tokens carry no text of the value.
                }
            }
        }
    }

    private YamlNode flowValue(RuleDocumentParser.FlowValueContext context) {
        if (context.scalar() != null) {
            return scalar(context.scalar());
        }
        var mapping = context.flowMapping();
        var entries = new ArrayList<YamlEntry>();
        for (var pair : mapping.flowPair()) {
            var key = scalar(pair.key().scalar());
            YamlNode value = pair.flowValue() == null
                    ? new YamlEmpty(key.line(), key.column() + key.value().length() + 1)
                    : flowValue(pair.flowValue());
            entries.add(new YamlEntry(key, value));
        }
        var start = mapping.getStart();
        return new YamlMapping(withoutDuplicates(entries), start.getLine(), start.getCharPositionInLine() + 1);
    }

    private List<YamlEntry> withoutDuplicates(List<YamlEntry> entries) {
        var firstLines = new HashMap<String, Integer>();
        var unique = new ArrayList<YamlEntry>();
        for (var entry : entries) {
            var key = entry.key();
            var previous = firstLines.putIfAbsent(key.value().toLowerCase(java.util.Locale.ROOT), key.line());
            if (previous == null) {
                unique.add(entry);
            } else {
                problems.accept(Problem.error(key.line(), key.column(),
                        "duplicate key '" + key.value() + "' (first defined on line " + previous + ")"));
            }
        }
        return unique;
    }

    private static YamlScalar scalar(RuleDocumentParser.ScalarContext context) {
        Token token = context.getStart();
        var text = token.getText();
        int line = token.getLine();
        int column = token.getCharPositionInLine() + 1;
        return switch (token.getType()) {
            case RuleDocumentLexer.SQ -> singleQuoted(text, line, column);
            case RuleDocumentLexer.DQ -> doubleQuoted(text, line, column);
            default -> plain(text, line, column);
        };
    }

    private static YamlScalar plain(String text, int line, int column) {
        var columns = new int[text.length()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = column + i;
        }
        return YamlScalar.onOneLine(text, YamlScalar.Style.PLAIN, line, column, columns);
    }

    private static YamlScalar singleQuoted(String text, int line, int column) {
        var value = new StringBuilder();
        var columns = new int[text.length()];
        for (int i = 1; i < text.length() - 1; i++) {
            columns[value.length()] = column + i;
            value.append(text.charAt(i));
            if (text.charAt(i) == '\'') {
                i++;
            }
        }
        return YamlScalar.onOneLine(value.toString(), YamlScalar.Style.SINGLE_QUOTED, line, column,
                java.util.Arrays.copyOf(columns, value.length()));
    }

    private static YamlScalar doubleQuoted(String text, int line, int column) {
        var value = new StringBuilder();
        var columns = new int[text.length()];
        for (int i = 1; i < text.length() - 1; i++) {
            columns[value.length()] = column + i;
            char c = text.charAt(i);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = text.charAt(++i);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case '0' -> value.append('\0');
                case 'u' -> {
                    if (i + 4 <= text.length() - 2) {
                        value.append(unicode(text, i));
                        i += 4;
                    } else {
                        value.append('u');
                    }
                }
                default -> value.append(escaped);
            }
        }
        return YamlScalar.onOneLine(value.toString(), YamlScalar.Style.DOUBLE_QUOTED, line, column,
                java.util.Arrays.copyOf(columns, value.length()));
    }

    private static char unicode(String text, int at) {
        try {
            return (char) Integer.parseInt(text.substring(at + 1, at + 5), 16);
        } catch (NumberFormatException e) {
            return '\uFFFD';
        }
    }
}
