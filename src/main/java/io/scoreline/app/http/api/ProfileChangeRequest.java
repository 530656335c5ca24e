package io.scoreline.app.http.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code PATCH /profiles/{profileId}}: the options of {@code profile update}; JSON null
 * for {@code team_id} or {@code manager_id} clears it (the CLI's {@code none}).
 */
@Serdeable
public record ProfileChangeRequest(
        @JsonProperty("team_id") @Nullable Long teamId,
        @JsonProperty("manager_id") @Nullable Long managerId,
        @Nullable String role,
        @Nullable Boolean active,
        @JsonProperty("display_name") @Nullable String displayName) {}
