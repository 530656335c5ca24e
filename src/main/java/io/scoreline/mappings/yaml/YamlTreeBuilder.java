package io.scoreline.mappings.yaml;

import io.scoreline.mappings.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Builds {@link YamlNode}s from SnakeYAML's node graph, keeping to the subset rule documents
 * and catalogs are written in: what YAML allows beyond it (lists, block scalars, anchors and
 * aliases, tags, non-scalar keys) is reported at its position instead of being read, and so are
 * duplicate keys, which SnakeYAML's composer lets through.
 */
final class YamlTreeBuilder {

    private final SourceText source;
    private final Consumer<Problem> problems;

    YamlTreeBuilder(SourceText source, Consumer<Problem> problems) {
        this.source = source;
        this.problems = problems;
    }

    /** The document's root mapping; empty (with a problem) when the root is something else. */
    Optional<YamlMapping> root(Node root) {
        if (!(root instanceof MappingNode mapping)) {
            if (supported(root)) {
                problems.accept(
                        error(root.getStartMark(), "syntax error: a rule document is a mapping of 'key: value' lines"));
            }
            return Optional.empty();
        }
        if (!supported(root)) {
            return Optional.empty();
        }
        // The root mapping is placed at the start of the document, whatever comments come first.
        return Optional.of(mapping(mapping, 1, 1));
    }

    private YamlNode node(Node node, YamlScalar key) {
        if (!supported(node)) {
            return new YamlEmpty(line(node.getStartMark()), column(node.getStartMark()));
        }
        return switch (node) {
            case MappingNode mapping -> mapping(mapping, line(mapping.getStartMark()), column(mapping.getStartMark()));
            case ScalarNode scalar
            when isEmpty(scalar) ->
                new YamlEmpty(key.line(), key.column() + key.value().length() + 1);
            case ScalarNode scalar -> scalar(scalar);
            default -> throw new IllegalStateException("unsupported node passed the check: " + node.getNodeId());
        };
    }

    private YamlMapping mapping(MappingNode node, int line, int column) {
        var entries = new ArrayList<YamlEntry>();
        for (var tuple : node.getValue()) {
            var keyNode = tuple.getKeyNode();
            if (!supported(keyNode)) {
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalarKey) || isEmpty(scalarKey)) {
                problems.accept(error(keyNode.getStartMark(), "syntax error: a key must be a word or a quoted text"));
                continue;
            }
            var key = scalar(scalarKey);
            entries.add(new YamlEntry(key, node(tuple.getValueNode(), key)));
        }
        return new YamlMapping(withoutDuplicates(entries), line, column);
    }

    /** Reports what the subset does not have; {@code false} if the node must not be read. */
    private boolean supported(Node node) {
        var start = node.getStartMark();
        var first = source.charAt(start);
        if (first == '&' || first == '*') {
            problems.accept(error(
                    start,
                    "syntax error: unexpected '" + first
                            + "' (anchors and aliases are not supported in rule documents)"));
            return false;
        }
        if (first == '!') {
            problems.accept(error(start, "syntax error: unexpected '!' (tags are not supported in rule documents)"));
            return false;
        }
        return switch (node) {
            case SequenceNode sequence -> {
                problems.accept(error(
                        start,
                        sequence.getFlowStyle() == DumperOptions.FlowStyle.FLOW
                                ? "syntax error: unexpected '[' (flow sequences are not supported: IN lists go inside the expression)"
                                : "syntax error: unexpected '-' (lists are not supported in rule documents)"));
                yield false;
            }
            case ScalarNode scalar
            when scalar.getScalarStyle() == DumperOptions.ScalarStyle.LITERAL
                    || scalar.getScalarStyle() == DumperOptions.ScalarStyle.FOLDED -> {
                problems.accept(
                        error(
                                start,
                                "syntax error: unexpected '" + first
                                        + "' (block scalars are not supported: write the value on one line, quoted if needed)"));
                yield false;
            }
            default -> true;
        };
    }

    private YamlScalar scalar(ScalarNode node) {
        var style = switch (node.getScalarStyle()) {
            case SINGLE_QUOTED -> YamlScalar.Style.SINGLE_QUOTED;
            case DOUBLE_QUOTED -> YamlScalar.Style.DOUBLE_QUOTED;
            default -> YamlScalar.Style.PLAIN;
        };
        // YAML folds a blank line inside a continued plain value to a line break; the subset always
        // folded to a space, and the canonical text of a rule must not change with the reader.
        var value = style == YamlScalar.Style.PLAIN ? node.getValue().replace('\n', ' ') : node.getValue();
        var start = node.getStartMark();
        return ScalarPositions.scalar(
                source.text(),
                source.charIndex(start),
                source.charIndex(node.getEndMark()),
                line(start),
                column(start),
                value,
                style);
    }

    /** {@code key:} with nothing after it; an empty quoted value ({@code ''}) is a value. */
    private static boolean isEmpty(ScalarNode node) {
        return node.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
                && node.getValue().isEmpty();
    }

    private List<YamlEntry> withoutDuplicates(List<YamlEntry> entries) {
        var firstLines = new HashMap<String, Integer>();
        var unique = new ArrayList<YamlEntry>();
        for (var entry : entries) {
            var key = entry.key();
            var previous = firstLines.putIfAbsent(key.value().toLowerCase(Locale.ROOT), key.line());
            if (previous == null) {
                unique.add(entry);
            } else {
                problems.accept(Problem.error(
                        key.line(),
                        key.column(),
                        "duplicate key '" + key.value() + "' (first defined on line " + previous + ")"));
            }
        }
        return unique;
    }

    private static Problem error(Mark mark, String message) {
        return Problem.error(line(mark), column(mark), message);
    }

    static int line(Mark mark) {
        return mark == null ? 1 : mark.getLine() + 1;
    }

    static int column(Mark mark) {
        return mark == null ? 1 : mark.getColumn() + 1;
    }
}
