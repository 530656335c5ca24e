/**
 * The YAML subset rule documents and catalogs are written in (block mappings by indentation,
 * flow mappings, plain and quoted scalars, comments), parsed by the ANTLR grammar so that every
 * error has an exact position. Internal to the mappings package.
 */
package io.scoreline.mappings.yaml;
