package io.scoreline.mappings.yaml;

/** A node of the YAML subset rule documents and catalogs are written in. */
public sealed interface YamlNode permits YamlScalar, YamlMapping, YamlEmpty {

    /** 1-based line where the node starts. */
    int line();

    /** 1-based column where the node starts. */
    int column();
}
