package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The body of {@code POST /profiles}: the options of {@code profile create}, team and manager by id. */
@Serdeable
public record NewProfileRequest(
        String email,
        @JsonProperty("display_name") @Nullable String displayName,
        @JsonProperty("team_id") @Nullable Long teamId,
        @JsonProperty("manager_id") @Nullable Long managerId,
        @Nullable String role) {}
