package io.scoreline.pipeline.facts;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The fields a stored record was read with (ADR 0034), sorted, in the spelling they were read
 * with. Rules name fields ignoring case, so containment ignores case too.
 */
public record FieldSet(List<String> fields, Set<String> lowerCase) {

    public static final FieldSet NONE = of(List.of());

    public FieldSet {
        fields = List.copyOf(fields);
        lowerCase = Set.copyOf(lowerCase);
    }

    public static FieldSet of(Collection<String> fields) {
        var sorted = new TreeSet<String>(fields);
        return new FieldSet(
                List.copyOf(sorted),
                sorted.stream().map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
    }

    /** The fields of {@code wanted} this set lacks, in {@code wanted}'s order. */
    public List<String> missing(Collection<String> wanted) {
        return wanted.stream()
                .filter(f -> !lowerCase.contains(f.toLowerCase(Locale.ROOT)))
                .toList();
    }

    public boolean covers(Collection<String> wanted) {
        return missing(wanted).isEmpty();
    }
}
