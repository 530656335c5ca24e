/** Storage of mapping rule sets: immutable versions per integration, one active. */
package io.scoreline.pipeline.rules;
