/**
 * The YAML subset rule documents and catalogs are written in (block mappings by indentation,
 * flow mappings, plain and quoted scalars, comments), read with SnakeYAML's node API and turned
 * into {@link io.scoreline.mappings.yaml.YamlNode}s that keep the line and column of every
 * character of a value, so that every error has an exact position. Internal to the mappings package.
 */
package io.scoreline.mappings.yaml;
