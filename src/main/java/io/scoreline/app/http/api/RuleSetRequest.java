package io.scoreline.app.http.api;

import io.micronaut.serde.annotation.Serdeable;

/** The body of storing or validating rules: the rule document as text (the YAML the CLI reads from a file). */
@Serdeable
public record RuleSetRequest(String document) {}
