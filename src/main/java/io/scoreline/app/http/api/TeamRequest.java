package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /teams} (name required) and {@code PATCH /teams/{teamId}} (either):
 * {@code parent_id} null or absent on create is a top-level team; JSON null on a patch moves the
 * team to the top level.
 */
@Serdeable
public record TeamRequest(
        @Nullable String name,
        @JsonProperty("parent_id") @Nullable Long parentId) {}
