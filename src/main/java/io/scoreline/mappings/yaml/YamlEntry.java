package io.scoreline.mappings.yaml;

/** One {@code key: value} pair of a mapping. */
public record YamlEntry(YamlScalar key, YamlNode value) {}
