package io.scoreline.app.http.api;

import io.micronaut.serde.annotation.Serdeable;

/** The body of {@code PUT /badges}: a badge catalog document (YAML, the form of the stock catalog). */
@Serdeable
public record BadgesRequest(String document) {}
