package io.scoreline.app.http.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A document checked against an integration's catalog: {@code valid} (the exit code of
 * {@code mapping validate}) and every error and warning (its {@code --json} lines).
 */
@Serdeable
public record RuleSetValidationBody(boolean valid, List<RuleProblemBody> problems) {}
