package io.scoreline.mappings.eval;

import io.scoreline.mappings.ast.LikePattern;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Matches text against a LIKE pattern, ignoring case. The shapes rules use nearly always
 * ({@code text}, {@code text%}, {@code %text}, {@code %text%}) are matched by region
 * comparison; only other patterns pay for a regular expression.
 */
final class LikeMatcher {

    private LikeMatcher() {}

    static Predicate<String> of(LikePattern pattern) {
        var parts = pattern.parts();
        return switch (shape(parts)) {
            case "T" -> {
                var text = text(parts.get(0));
                yield s -> s.equalsIgnoreCase(text);
            }
            case "T%" -> {
                var prefix = text(parts.get(0));
                yield s -> s.regionMatches(true, 0, prefix, 0, prefix.length());
            }
            case "%T" -> {
                var suffix = text(parts.get(1));
                yield s -> s.length() >= suffix.length()
                        && s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
            }
            case "%T%" -> {
                var infix = text(parts.get(1));
                yield s -> containsIgnoringCase(s, infix);
            }
            default -> {
                var regex = regex(pattern);
                yield s -> regex.matcher(s).matches();
            }
        };
    }

    /** The pattern's parts in one letter each: T for text, % for any run, _ for one character. */
    private static String shape(List<LikePattern.Part> parts) {
        var shape = new StringBuilder();
        for (var part : parts) {
            shape.append(
                    switch (part) {
                        case LikePattern.Text text -> 'T';
                        case LikePattern.AnyRun run -> '%';
                        case LikePattern.AnyChar one -> '_';
                    });
        }
        return shape.toString();
    }

    private static boolean containsIgnoringCase(String text, String infix) {
        for (int i = 0, last = text.length() - infix.length(); i <= last; i++) {
            if (text.regionMatches(true, i, infix, 0, infix.length())) {
                return true;
            }
        }
        return false;
    }

    private static String text(LikePattern.Part part) {
        return ((LikePattern.Text) part).text();
    }

    static Pattern regex(LikePattern pattern) {
        var regex = new StringBuilder();
        for (var part : pattern.parts()) {
            switch (part) {
                case LikePattern.Text text -> regex.append(Pattern.quote(text.text()));
                case LikePattern.AnyRun run -> regex.append(".*");
                case LikePattern.AnyChar one -> regex.append('.');
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
