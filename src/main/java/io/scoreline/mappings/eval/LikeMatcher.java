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

    private LikeMatcher() {
    }

    static Predicate<String> of(LikePattern pattern) {
        var parts = pattern.parts();
        if (isText(parts, 0) && parts.size() == 1) {
            var text = text(parts.get(0));
            return s -> s.equalsIgnoreCase(text);
        }
        if (parts.size() == 2 && isText(parts, 0) && parts.get(1) instanceof LikePattern.AnyRun) {
            var prefix = text(parts.get(0));
            return s -> s.regionMatches(true, 0, prefix, 0, prefix.length());
        }
        if (parts.size() == 2 && parts.get(0) instanceof LikePattern.AnyRun && isText(parts, 1)) {
            var suffix = text(parts.get(1));
            return s -> s.length() >= suffix.length()
                    && s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
        }
        if (parts.size() == 3 && parts.get(0) instanceof LikePattern.AnyRun && isText(parts, 1)
                && parts.get(2) instanceof LikePattern.AnyRun) {
            var infix = text(parts.get(1));
            return s -> containsIgnoringCase(s, infix);
        }
        var regex = regex(pattern);
        return s -> regex.matcher(s).matches();
    }

    private static boolean containsIgnoringCase(String text, String infix) {
        for (int i = 0, last = text.length() - infix.length(); i <= last; i++) {
            if (text.regionMatches(true, i, infix, 0, infix.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isText(List<LikePattern.Part> parts, int index) {
        return parts.get(index) instanceof LikePattern.Text;
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
