package io.scoreline.mappings.check;

import io.scoreline.mappings.CrmProvider;
import io.scoreline.mappings.ast.ExpressionText;
import io.scoreline.mappings.ast.KpiDefinition;
import io.scoreline.mappings.measures.KpiMeasure;
import java.util.List;

/**
 * Writes checked rules as one canonical document: every default spelled out, expressions in
 * canonical form, no comments. Two documents with the same meaning get the same text, which
 * is what versions are stored and diffed as; the text compiles back to the same rules.
 */
public final class RuleDocumentText {

    private RuleDocumentText() {}

    public static String of(CrmProvider provider, List<KpiDefinition> definitions) {
        return of(provider, definitions, List.of());
    }

    /** The document with its {@code derived:} section, written only when there are derived KPIs. */
    public static String of(CrmProvider provider, List<KpiDefinition> definitions, List<KpiMeasure> derived) {
        var out = new StringBuilder("provider: ").append(provider.key()).append("\nkpis:\n");
        for (var definition : definitions) {
            out.append(rule(definition, "  "));
        }
        if (!derived.isEmpty()) {
            out.append("derived:\n");
            derived.forEach(measure -> out.append(DerivedKpiText.of(measure, "  ")));
        }
        return out.toString();
    }

    /** One KPI's block, as it appears in the canonical document (also the unit of diffs). */
    public static String rule(KpiDefinition definition, String indent) {
        var out = new StringBuilder(indent).append(definition.key()).append(":\n");
        var inner = indent + "  ";
        out.append(inner)
                .append("object: ")
                .append(scalar(definition.objectType()))
                .append('\n');
        definition
                .when()
                .ifPresent(w -> out.append(inner)
                        .append("when: ")
                        .append(scalar(ExpressionText.of(w)))
                        .append('\n'));
        definition
                .value()
                .ifPresent(v -> out.append(inner)
                        .append("value: ")
                        .append(scalar(ExpressionText.of(v)))
                        .append('\n'));
        out.append(inner)
                .append("owner: ")
                .append(scalar(definition.owner().path()))
                .append('\n');
        out.append(inner)
                .append("date: ")
                .append(scalar(definition.date().path()))
                .append('\n');
        definition
                .distinct()
                .ifPresent(d -> out.append(inner)
                        .append("distinct: ")
                        .append(scalar(d.path()))
                        .append('\n'));
        return out.toString();
    }

    /** A YAML scalar: plain when that reads back unchanged, double-quoted otherwise. */
    static String scalar(String text) {
        if (isPlainSafe(text)) {
            return text;
        }
        var out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(
                    switch (c) {
                        case '"' -> "\\\"";
                        case '\\' -> "\\\\";
                        case '\n' -> "\\n";
                        case '\t' -> "\\t";
                        case '\r' -> "\\r";
                        default -> String.valueOf(c);
                    });
        }
        return out.append('"').toString();
    }

    private static boolean isPlainSafe(String text) {
        if (text.isEmpty() || text.isBlank() || !text.strip().equals(text)) {
            return false;
        }
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(text.charAt(0)) >= 0 || text.endsWith(":")) {
            return false;
        }
        return !text.contains(": ")
                && !text.contains(" #")
                && !text.contains("\n")
                && !text.contains("\t")
                && !text.contains("\r");
    }
}
