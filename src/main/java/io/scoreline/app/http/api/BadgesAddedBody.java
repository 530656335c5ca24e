package io.scoreline.app.http.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** What {@code PUT /badges} stored: the fields of {@code badges add --json}. */
@Serdeable
public record BadgesAddedBody(String organization, List<String> badges) {}
