package io.scoreline.mappings.yaml;

import java.util.List;
import java.util.Optional;

/** A block or flow mapping; keys are unique (duplicates are reported by the parser and dropped). */
public record YamlMapping(List<YamlEntry> entries, int line, int column) implements YamlNode {

    public YamlMapping {
        entries = List.copyOf(entries);
    }

    /** The entry whose key equals {@code key}, ignoring case as the rule language does. */
    public Optional<YamlEntry> entry(String key) {
        return entries.stream()
                .filter(e -> e.key().value().equalsIgnoreCase(key))
                .findFirst();
    }
}
