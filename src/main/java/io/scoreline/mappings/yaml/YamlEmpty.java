package io.scoreline.mappings.yaml;

/** The missing value of {@code key:} with nothing after it. */
public record YamlEmpty(int line, int column) implements YamlNode {}
