package io.scoreline.mappings.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * A LIKE pattern as SOQL reads it: {@code %} any run of characters, {@code _} one character,
 * and a backslash making the next character literal ({@code \%}, {@code \_}, {@code \\}).
 */
public record LikePattern(List<Part> parts) {

    public LikePattern {
        parts = List.copyOf(parts);
    }

    public sealed interface Part {}

    public record Text(String text) implements Part {}

    public record AnyRun() implements Part {}

    public record AnyChar() implements Part {}

    /** Reads the body of a quoted pattern literal (without its quotes, escapes still in place). */
    public static LikePattern parse(String body) {
        var parts = new ArrayList<Part>();
        var text = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                text.append(unescape(body.charAt(++i)));
            } else if (c == '%' || c == '_') {
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(c == '%' ? new AnyRun() : new AnyChar());
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
        }
        return new LikePattern(parts);
    }

    /** Whether the pattern has a wildcard at all (without one, LIKE is a plain equality). */
    public boolean hasWildcard() {
        return parts.stream().anyMatch(p -> !(p instanceof Text));
    }

    /** The pattern in SOQL string-literal syntax, quotes included. */
    public String toSoqlLiteral() {
        var out = new StringBuilder("'");
        for (var part : parts) {
            switch (part) {
                case Text t -> {
                    for (char c : t.text().toCharArray()) {
                        out.append(
                                switch (c) {
                                    case '%' -> "\\%";
                                    case '_' -> "\\_";
                                    case '\\' -> "\\\\";
                                    case '\'' -> "\\'";
                                    case '\n' -> "\\n";
                                    case '\r' -> "\\r";
                                    case '\t' -> "\\t";
                                    default -> String.valueOf(c);
                                });
                    }
                }
                case AnyRun r -> out.append('%');
                case AnyChar c -> out.append('_');
            }
        }
        return out.append('\'').toString();
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> c;
        };
    }
}
