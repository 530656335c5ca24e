package io.scoreline.mappings.check;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The "did you mean" of a misspelt object, field or picklist value: the candidates closest to
 * what was written by edit distance, ignoring case (as the catalog's lookups do), and only when
 * they are close enough that the suggestion helps rather than guesses.
 */
public final class NameSuggestions {

    /** More than this many equally close names is no longer a suggestion. */
    static final int MAX_SUGGESTIONS = 3;

    private NameSuggestions() {}

    /** The closest candidates, nearest first and alphabetically among equals; empty when none is close. */
    public static List<String> closest(String written, Collection<String> candidates) {
        var typed = written.toLowerCase(Locale.ROOT);
        int allowed = allowedDistance(typed);
        record Scored(String name, int distance) {}
        var scored = candidates.stream()
                .distinct()
                .map(c -> new Scored(c, distance(typed, c.toLowerCase(Locale.ROOT), allowed)))
                .filter(s -> s.distance() <= allowed)
                .toList();
        int best = scored.stream().mapToInt(Scored::distance).min().orElse(Integer.MAX_VALUE);
        return scored.stream()
                .filter(s -> s.distance() == best)
                .map(Scored::name)
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /** {@code " (did you mean X or Y?)"}, or empty when nothing is close. */
    static Optional<String> didYouMean(String written, Collection<String> candidates, String quote) {
        var closest = closest(written, candidates);
        if (closest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("did you mean "
                + closest.stream().map(c -> quote + c + quote).collect(Collectors.joining(" or ")) + "?");
    }

    /**
     * One edit per three characters, at most three: {@code Tsk} finds {@code Task}, while a
     * two-letter name is not "close" to every other two-letter name.
     */
    static int allowedDistance(String typed) {
        return Math.max(1, Math.min(3, typed.length() / 3));
    }

    /** Levenshtein distance, giving up (returning {@code limit + 1}) once it must exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                rowMinimum = Math.min(rowMinimum, current[j]);
            }
            if (rowMinimum > limit) {
                return limit + 1;
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], limit + 1);
    }
}
