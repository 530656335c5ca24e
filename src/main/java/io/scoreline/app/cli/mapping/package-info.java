/** {@code scoreline mapping …}: rule documents validated, tried on records, stored, shown and rolled back through the rule-set use cases. */
package io.scoreline.app.cli.mapping;
